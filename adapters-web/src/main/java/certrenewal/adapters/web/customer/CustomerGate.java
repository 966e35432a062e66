package certrenewal.adapters.web.customer;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.domain.account.AccessScope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request without a signed-in session goes: the login screen, saying why when the session
 * ended (what changed about the ID or its certificate, its lifetime) or expired; and where a session that may
 * reach only what it must do first (change its password, renew its expired certificate) goes for any other path.
 */
public final class CustomerGate {
    private static final String ENDED = CustomerGate.class.getName() + ".ended";
    private static final String RESTRICTED = CustomerGate.class.getName() + ".restricted";
    /** Where a session of each restricted scope may go: its own screens (and logging out, which needs no session). */
    private static final String PASSWORD_PATH = "/password";
    private static final String RENEWAL_PATHS = "/renewal/";

    private CustomerGate() {
    }

    public static HttpResponse<?> toLogin(HttpRequest<?> request) {
        return Pages.redirect(loginPath(request));
    }

    /**
     * The login screen's path for this request, with why its session ended; for a session that may reach only what
     * it must do first, that screen instead.
     */
    public static String loginPath(HttpRequest<?> request) {
        Optional<AccessScope> restricted = request.getAttribute(RESTRICTED, AccessScope.class);
        if (restricted.isPresent()) {
            return homeOf(restricted.get());
        }
        Optional<SessionEnd> end = request.getAttribute(ENDED, SessionEnd.class);
        if (end.isPresent()) {
            return "/login?ended=" + code(end.get());
        }
        return SignedIn.hadSession(request) ? "/login?expired=1" : "/login";
    }

    /** The login screen's path for a script's step refused without a session: it ended (why), else it expired. */
    static String stepLoginPath(HttpRequest<?> request) {
        Optional<AccessScope> restricted = request.getAttribute(RESTRICTED, AccessScope.class);
        if (restricted.isPresent()) {
            return homeOf(restricted.get());
        }
        return request.getAttribute(ENDED, SessionEnd.class).map(end -> "/login?ended=" + code(end)).orElse("/login?expired=1");
    }

    /** The text's key of why the request's session ended, or that it expired. */
    static String endedText(HttpRequest<?> request) {
        if (request.getAttribute(RESTRICTED, AccessScope.class).isPresent()) {
            return "session.restricted";
        }
        return request.getAttribute(ENDED, SessionEnd.class).map(end -> "session.ended." + code(end)).orElse("session.expired");
    }

    /** Whether a session of {@code scope} may reach {@code path}. */
    static boolean reaches(AccessScope scope, String path) {
        return switch (scope) {
            case FULL -> true;
            case PASSWORD_CHANGE -> path.equals(PASSWORD_PATH);
            case RENEWAL_AFTER_EXPIRY -> path.startsWith(RENEWAL_PATHS);
        };
    }

    /** The one screen where a session of {@code scope} starts (after login) and is sent back to. */
    static String homeOf(AccessScope scope) {
        return switch (scope) {
            case FULL -> "/main";
            case PASSWORD_CHANGE -> PASSWORD_PATH;
            case RENEWAL_AFTER_EXPIRY -> "/renewal/notice";
        };
    }

    static void restricted(HttpRequest<?> request, AccessScope scope) {
        request.setAttribute(RESTRICTED, scope);
    }

    static void ended(HttpRequest<?> request, SessionEnd end) {
        request.setAttribute(ENDED, end);
    }

    /** The reason as the login screen's link carries it, e.g. "certificate-revoked". */
    static String code(SessionEnd end) {
        return end.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason a login screen's link carries, if it is one. */
    static Optional<SessionEnd> parse(String code) {
        for (SessionEnd end : SessionEnd.values()) {
            if (code(end).equals(code)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }
}
