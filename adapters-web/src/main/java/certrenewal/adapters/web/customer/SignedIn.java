package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.ClientCertificate;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.http.HttpRequest;
import io.micronaut.session.Session;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The customer's server-side session: who logged in, with which certificate, and the CSRF token
 * that every state-changing request must echo. A session is bound to the TLS client certificate
 * it was opened with; a request presenting another certificate is not signed in.
 */
public final class SignedIn {
    static final String SESSION_COOKIE = "SESSION";
    private static final String LOGIN_ID = "loginId";
    private static final String CONTRACT = "contract";
    private static final String KIND = "kind";
    private static final String SERIAL = "certificateSerial";
    private static final String CERTIFICATE_HASH = "certificateSha256";
    private static final String CSRF = "csrfToken";
    private static final String OPENED_AT = "openedAt";
    private static final String CREDENTIAL_EPOCH = "credentialEpoch";
    private static final String SCOPE = "scope";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignedIn() {
    }

    static void record(Session session, AuthenticatedId who, byte[] certificateDer, Instant openedAt) {
        session.put(OPENED_AT, openedAt.toEpochMilli());
        session.put(LOGIN_ID, who.loginId().value());
        session.put(CONTRACT, who.contract().value());
        session.put(KIND, who.kind().name());
        session.put(SERIAL, who.certificate().hex());
        session.put(CERTIFICATE_HASH, sha256(certificateDer));
        session.put(CSRF, newToken());
        update(session, who);
    }

    /** What the ID may reach and its credential epoch, after the session's own password change. */
    static void update(Session session, AuthenticatedId who) {
        session.put(CREDENTIAL_EPOCH, who.credentialEpoch());
        session.put(SCOPE, who.scope().name());
    }

    /** The login ID recorded on this session, whether or not it may still go on (for counting attempts). */
    static Optional<String> loginIdOf(Session session) {
        return session == null ? Optional.empty() : session.get(LOGIN_ID, String.class);
    }

    /** When the login opened this session. */
    static Optional<Instant> openedAt(Session session) {
        return session.get(OPENED_AT, Long.class).map(Instant::ofEpochMilli);
    }

    /**
     * The ID signed in on this session, if the request presents the certificate it signed in with;
     * whether the session may still go on is {@link CustomerSessions}'s question.
     */
    static Optional<AuthenticatedId> of(Session session, HttpRequest<?> request) {
        if (session == null) {
            return Optional.empty();
        }
        Optional<String> loginId = session.get(LOGIN_ID, String.class);
        Optional<String> bound = session.get(CERTIFICATE_HASH, String.class);
        // a session opened before sessions kept the epoch and scope (an older release) is signed in no more
        Optional<Long> epoch = session.get(CREDENTIAL_EPOCH, Long.class);
        Optional<String> scope = session.get(SCOPE, String.class);
        byte[] presented = ClientCertificate.der(request);
        if (loginId.isEmpty() || bound.isEmpty() || epoch.isEmpty() || scope.isEmpty() || presented == null
                || !MessageDigest.isEqual(bound.get().getBytes(), sha256(presented).getBytes())) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedId(new LoginId(loginId.get()),
                new ContractNumber(session.get(CONTRACT, String.class).orElseThrow()),
                IdKind.valueOf(session.get(KIND, String.class).orElseThrow()),
                SerialNumber.ofHex(session.get(SERIAL, String.class).orElseThrow()),
                epoch.get(), AccessScope.valueOf(scope.get())));
    }

    /** The session's CSRF token, created on first use (the login form needs one before login). */
    public static String csrfToken(Session session) {
        Optional<String> token = session.get(CSRF, String.class);
        if (token.isPresent()) {
            return token.get();
        }
        String created = newToken();
        session.put(CSRF, created);
        return created;
    }

    public static boolean csrfMatches(Session session, String presented) {
        Optional<String> expected = session == null ? Optional.empty() : session.get(CSRF, String.class);
        return presented != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(), presented.getBytes());
    }

    /** Whether the browser sent a session cookie that no longer finds a session: it expired. */
    public static boolean hadSession(HttpRequest<?> request) {
        return request.getCookies().contains(SESSION_COOKIE);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
