package certrenewal.adapters.web.console;

import certrenewal.adapters.web.BankZone;
import certrenewal.adapters.web.OfferedActions;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.adapters.web.SessionsPerId;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.CertificateStatus;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.in.console.StaffSessionCheck;
import io.micronaut.session.http.SessionForRequest;
import java.time.Clock;
import java.time.Duration;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every console page shares: the language (the customer screens' {@code lang} cookie and
 * Accept-Language), the signed-in staff member and what the role may see, the console's CSRF
 * token, localized texts, times in the bank's zone, and the pages for refusals.
 */
@Singleton
final class ConsolePages {
    static final String LOGIN = "/console/login";
    static final String PASSWORD = "/console/password";
    private static final String ENDED = ConsolePages.class.getName() + ".ended";
    private static final String PASSWORD_FIRST = ConsolePages.class.getName() + ".passwordFirst";

    private final MessageSource messages;
    private final HttpLocaleResolver locales;
    /** The bank's zone: every time in the console is shown in it, and typed in it. */
    private final ZoneId zone;
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter seconds;

    private final CheckStaffSessionUseCase check;
    private final SessionStore<Session> sessions;
    private final Clock clock;
    private final Duration lifetime;
    private final SessionsPerId perId;

    ConsolePages(MessageSource messages, HttpLocaleResolver locales, BankZone zone, CheckStaffSessionUseCase check,
                 SessionStore<Session> sessions, @Nullable Clock clock,
                 @Value("${certrenewal.session.staff-lifetime:8h}") Duration lifetime, SessionsPerId perId) {
        this.perId = perId;
        this.check = check;
        this.sessions = sessions;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.lifetime = lifetime;
        this.messages = messages;
        this.locales = locales;
        this.zone = zone.zone();
        this.minutes = zone.formatter("yyyy-MM-dd HH:mm");
        this.seconds = zone.formatter("yyyy-MM-dd HH:mm:ss");
    }

    boolean english(HttpRequest<?> request) {
        return "en".equals(locales.resolveOrDefault(request).getLanguage());
    }

    String text(HttpRequest<?> request, String key, Object... args) {
        Locale locale = english(request) ? Locale.ENGLISH : Locale.JAPANESE;
        return messages.getMessage(key, locale, args).orElse(key);
    }

    /** A refusal in the staff member's language: the console's wording, else the screens' one, else the plain reason. */
    String refusal(HttpRequest<?> request, Rejection rejection) {
        Locale locale = english(request) ? Locale.ENGLISH : Locale.JAPANESE;
        String code = rejection.code().name();
        return messages.getMessage("console.rejection." + code, locale)
                .or(() -> messages.getMessage("rejection." + code, locale))
                .orElse(rejection.message());
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant instant) {
        return instant == null ? "" : minutes.format(instant);
    }

    String seconds(Instant instant) {
        return instant == null ? "" : seconds.format(instant);
    }

    /** The page number a link carries, from 1; anything else (none, not a number, out of range) is page 1. */
    static int pageNumber(String text) {
        return text != null && text.matches("[0-9]{1,9}") ? Math.max(1, Integer.parseInt(text)) : 1;
    }

    /** Whether the role allows the action at all (targets aside): what the console shows it. */
    static boolean may(Actor.Staff staff, AdministrativeAction action) {
        return staff != null && AdministrationPolicy.check(staff, action).isEmpty();
    }

    Map<String, Object> model(HttpRequest<?> request, Session session, Actor.Staff staff) {
        Map<String, Object> model = new HashMap<>();
        boolean english = english(request);
        model.put("lang", english ? "en" : "ja");
        model.put("otherLang", english ? "ja" : "en");
        String query = request.getUri().getRawQuery();
        model.put("path", request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query));
        if (session != null) {
            model.put("csrf", StaffSession.csrfToken(session));
        }
        if (staff != null) {
            model.put("staffName", staff.username());
            model.put("staffRole", text(request, "console.role." + staff.role().name()));
            model.put("canDashboard", may(staff, AdministrativeAction.VIEW_DASHBOARD));
            model.put("canSearch", may(staff, AdministrativeAction.SEARCH));
            model.put("canRegister", may(staff, AdministrativeAction.REGISTER_CONTRACT));
            model.put("canRevoke", may(staff, AdministrativeAction.REVOKE_CERTIFICATE));
            model.put("canAudit", may(staff, AdministrativeAction.READ_AUDIT_TRAIL));
            model.put("canVerify", may(staff, AdministrativeAction.VERIFY_AUDIT_TRAIL));
            model.put("canManageStaff", may(staff, AdministrativeAction.MANAGE_STAFF));
            model.put("canApprovals", true); // every role sees the dual-control queue; only who may act decides
            model.put("passwordFirst", passwordChangeFirst(request));
        }
        return model;
    }

    static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    static ModelAndView<Map<String, Object>> view(String name, Map<String, Object> model) {
        return new ModelAndView<>("console/" + name, model);
    }

    static HttpResponse<?> ok(String name, Map<String, Object> model) {
        return HttpResponse.ok(view(name, model));
    }

    static HttpResponse<?> status(HttpStatus status, String name, Map<String, Object> model) {
        return HttpResponse.status(status).body(view(name, model));
    }

    /** Records a login on a session created for it, with the time it opened and the client certificate it presented (or null). */
    void open(Session session, Actor.Staff staff, byte[] certificateDer) {
        StaffSession.record(session, staff, clock.instant(), check.currentGeneration(staff), certificateDer);
        perId.opened("staff:" + staff.username(), session);
    }

    /** Deletes the session from the store and gives the browser a new, empty one in its place. */
    Session replaceSession(HttpRequest<?> request, @Nullable Session old) {
        if (old != null) {
            old.clear();
            sessions.deleteSession(old.getId());
        }
        return SessionForRequest.create(sessions, request);
    }

    /**
     * The one place where a request finds its signed-in staff member: the session must be younger
     * than the absolute lifetime, and the account must still allow it ({@link CheckStaffSessionUseCase});
     * a session that may not go on ends here, and the login says why ({@link #toLogin}).
     */
    Optional<Actor.Staff> staff(HttpRequest<?> request, @Nullable Session session) {
        Optional<Actor.Staff> staff = StaffSession.of(session);
        if (staff.isEmpty()) {
            return staff;
        }
        byte[] certificate = StaffSession.certificate(session).orElse(null);
        if (certificate != null && !Arrays.equals(certificate, ClientCertificate.der(request))) {
            return Optional.empty(); // a session opened with a certificate is that certificate's connection's only
        }
        Optional<Long> generation = StaffSession.openedAt(session)
                .filter(at -> clock.instant().isBefore(at.plus(lifetime)))
                .flatMap(at -> StaffSession.generation(session));
        StaffSessionCheck verdict = generation.isEmpty() ? StaffSessionCheck.ends(SessionEnd.LIFETIME_OVER)
                : check.check(staff.get(), generation.get(), certificate);
        Optional<SessionEnd> end = verdict.end();
        if (verdict.passwordChangeFirst()) {
            request.setAttribute(PASSWORD_FIRST, Boolean.TRUE);
        }
        if (end.isPresent()) {
            session.clear();
            sessions.deleteSession(session.getId());
            request.setAttribute(ENDED, end.get());
            return Optional.empty();
        }
        return staff;
    }

    /** Where a request without a signed-in staff member goes: the console's login, saying why the session ended or that it expired. */
    static HttpResponse<?> toLogin(HttpRequest<?> request, Session session) {
        Optional<SessionEnd> end = request.getAttribute(ENDED, SessionEnd.class);
        if (end.isPresent()) {
            return redirect(LOGIN + "?ended=" + code(end.get()));
        }
        return redirect(session == null && StaffSession.hadSession(request) ? LOGIN + "?expired=1" : LOGIN);
    }

    /** The reason as the login's link carries it, e.g. "role-changed". */
    static String code(SessionEnd end) {
        return end.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason a login's link carries, if it is one. */
    static Optional<SessionEnd> parseEnd(String code) {
        for (SessionEnd end : SessionEnd.values()) {
            if (code(end).equals(code)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    /** Whether the signed-in staff member must choose a new password before anything else (known after {@link #staff}). */
    static boolean passwordChangeFirst(HttpRequest<?> request) {
        return request.getAttribute(PASSWORD_FIRST, Boolean.class).orElse(false);
    }

    /**
     * Runs a page for the signed-in staff member, or sends to the login; a refusal of a use case
     * becomes a page with its status (403 for what the role may not do). An account whose password
     * was set by someone else reaches only the password change until it has chosen one.
     */
    HttpResponse<?> signedIn(HttpRequest<?> request, Session session, Function<Actor.Staff, HttpResponse<?>> page) {
        Optional<Actor.Staff> staff = staff(request, session);
        if (staff.isEmpty()) {
            return toLogin(request, session);
        }
        if (passwordChangeFirst(request) && !request.getPath().equals(PASSWORD)) {
            return redirect(PASSWORD);
        }
        try {
            return page.apply(staff.get());
        } catch (RequestRefusedException e) {
            return refused(request, session, staff.get(), e.rejection());
        }
    }

    /** As {@link #signedIn}, for a form posted with the session's CSRF token (refused with 403 without it). */
    HttpResponse<?> posted(HttpRequest<?> request, Session session, Map<String, String> form,
                           Function<Actor.Staff, HttpResponse<?>> action) {
        Optional<Actor.Staff> staff = staff(request, session);
        if (staff.isEmpty()) {
            return toLogin(request, session);
        }
        if (!StaffSession.csrfMatches(session, form.get("_csrf"))) {
            Map<String, Object> model = model(request, session, staff.get());
            model.put("title", text(request, "console.refused.title"));
            model.put("alert", text(request, "console.csrf.refused"));
            return status(HttpStatus.FORBIDDEN, "refused", model);
        }
        return signedIn(request, session, action);
    }

    HttpResponse<?> refused(HttpRequest<?> request, Session session, Actor.Staff staff, Rejection rejection) {
        HttpStatus status = RefusalHandler.statusOf(rejection.code());
        Map<String, Object> model = model(request, session, staff);
        model.put("title", text(request, switch (status) {
            case FORBIDDEN -> "console.forbidden.title";
            case NOT_FOUND -> "console.notFound.title";
            default -> "console.refused.title";
        }));
        model.put("alert", refusal(request, rejection));
        return status(status, "refused", model);
    }

    HttpResponse<?> forbidden(HttpRequest<?> request, Session session, Actor.Staff staff) {
        return refused(request, session, staff, Rejection.of(Rejection.Code.NOT_PERMITTED));
    }

    HttpResponse<?> notFound(HttpRequest<?> request, Session session, Actor.Staff staff, String messageKey, Object... args) {
        Map<String, Object> model = model(request, session, staff);
        model.put("title", text(request, "console.notFound.title"));
        model.put("alert", text(request, messageKey, args));
        return status(HttpStatus.NOT_FOUND, "refused", model);
    }

    /** A row of a table as the templates read it: a map, so that the templates need no getters. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** A certificate as the search results and the history list show it. */
    Map<String, Object> certificate(HttpRequest<?> request, CertificateSummary c) {
        Map<String, Object> row = row("serial", c.serial().hex(), "loginId", c.loginId().value(),
                "contract", c.contract().value(), "contractName", c.contractName(),
                "status", c.status().name(), "statusLabel", text(request, "console.status." + c.status().name()),
                "active", c.status() == CertificateStatus.ACTIVE,
                "notBefore", time(c.notBefore()), "notBeforeIso", iso(c.notBefore()),
                "notAfter", time(c.notAfter()), "notAfterIso", iso(c.notAfter()),
                "revokedAt", time(c.revokedAt()), "revokedAtIso", iso(c.revokedAt()));
        row.put("reason", c.revocationReason() == null ? ""
                : text(request, "console.reason." + c.revocationReason().name()));
        return row;
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A login ID's summary, with the actions the staff member's role offers on it. */
    Map<String, Object> loginId(HttpRequest<?> request, Actor.Staff staff, ContractNumber contract, LoginIdSummary s) {
        Map<String, Object> row = row("loginId", s.loginId().value(), "kind", s.kind().name(),
                "kindLabel", text(request, "console.kind." + s.kind().name()),
                "status", s.status().name(), "statusLabel", text(request, "console.account." + s.status().name()),
                "failed", s.failedPasswordAttempts(),
                "serial", s.serial() == null ? "" : s.serial().hex(),
                "certificateStatus", s.certificateStatus() == null ? ""
                        : text(request, "console.status." + s.certificateStatus().name()),
                "notAfter", time(s.notAfter()), "notAfterIso", iso(s.notAfter()),
                "issuancePending", s.issuancePending());
        row.put("canReissue", OfferedActions.offered(staff, AdministrativeAction.REISSUE_CERTIFICATE, contract, s));
        row.put("canUnlock", OfferedActions.offered(staff, AdministrativeAction.UNLOCK_ID, contract, s));
        row.put("canChangeContact", OfferedActions.offered(staff, AdministrativeAction.CHANGE_CONTACT, contract, s));
        return row;
    }
}
