package certrenewal.adapters.web.console;

import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.http.HttpRequest;
import io.micronaut.session.Session;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The bank staff member signed in on a server-side session, kept under the console's own keys:
 * a customer's session (login ID, certificate) and a staff member's never read each other's, and
 * the console has its own CSRF token. A session opened with a client certificate is bound to it: a request presenting
 * another (or none) does not find the staff member ({@link ConsolePages#staff}).
 */
final class StaffSession {
    static final String SESSION_COOKIE = "SESSION";
    private static final String USERNAME = "console.staff.username";
    private static final String ROLE = "console.staff.role";
    private static final String CSRF = "console.csrfToken";
    private static final String OPENED_AT = "console.openedAt";
    private static final String GENERATION = "console.staff.generation";
    /** The client certificate the login presented (base64 DER), when it presented one. */
    private static final String CERTIFICATE = "console.staff.certificate";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffSession() {
    }

    /**
     * Records who signed in, on a session created at this login, with a new CSRF token and the
     * account's session generation (a later change that ends its sessions advances the account's).
     */
    static void record(Session session, Actor.Staff staff, Instant openedAt, long generation, byte[] certificateDer) {
        session.put(OPENED_AT, openedAt.toEpochMilli());
        if (certificateDer != null) {
            session.put(CERTIFICATE, Base64.getEncoder().encodeToString(certificateDer));
        }
        session.put(GENERATION, generation);
        session.put(USERNAME, staff.username());
        session.put(ROLE, staff.role().name());
        session.put(CSRF, newToken());
    }

    /** When the login opened this session. */
    static Optional<Instant> openedAt(Session session) {
        return session.get(OPENED_AT, Long.class).map(Instant::ofEpochMilli);
    }

    /** The account's session generation when this session opened. */
    static Optional<Long> generation(Session session) {
        return session.get(GENERATION, Long.class);
    }

    /** The client certificate the login presented on this session's connection, if it presented one. */
    static Optional<byte[]> certificate(Session session) {
        return session.get(CERTIFICATE, String.class).map(Base64.getDecoder()::decode);
    }

    /** The staff member recorded on this session; whether the session may still go on is {@link ConsolePages#staff}'s question. */
    static Optional<Actor.Staff> of(Session session) {
        if (session == null) {
            return Optional.empty();
        }
        Optional<String> username = session.get(USERNAME, String.class);
        Optional<String> role = session.get(ROLE, String.class);
        if (username.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Actor.Staff(username.get(), StaffRole.valueOf(role.get())));
    }

    /** The console's CSRF token of this session, created on first use (the login form needs one before login). */
    static String csrfToken(Session session) {
        Optional<String> token = session.get(CSRF, String.class);
        if (token.isPresent()) {
            return token.get();
        }
        String created = newToken();
        session.put(CSRF, created);
        return created;
    }

    static boolean csrfMatches(Session session, String presented) {
        Optional<String> expected = session == null ? Optional.empty() : session.get(CSRF, String.class);
        return presented != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(), presented.getBytes());
    }

    /** Whether the browser sent a session cookie that no longer finds a session: it expired. */
    static boolean hadSession(HttpRequest<?> request) {
        return request.getCookies().contains(SESSION_COOKIE);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
