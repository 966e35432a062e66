package certrenewal.adapters.web.pickup;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.FormTokens;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.adapters.web.SessionSecrets;
import certrenewal.adapters.web.customer.KeyFlow;
import certrenewal.adapters.web.customer.Pages;
import certrenewal.adapters.web.customer.SignedIn;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.PickupCertificateUseCase;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 証明書取得, linked from the login screen and used without a client certificate: an ID with an
 * issuance password (after registration or re-issue) proves itself with its login ID, login
 * password and issuance password, which the server checks before the browser makes a key; the
 * server then keeps them in the session (never in the page or the script; the passwords sealed,
 * {@link SessionSecrets}, as the session store may be Redis) and checks them again with the
 * certificate request. The key, the two confirmations and the PKCS#12 are the renewal's.
 */
@Controller("/pickup")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PickupController {
    private static final String FORM = "pickup";
    /** The verified credentials, kept between the credentials screen and the certificate request only. */
    private static final String LOGIN_ID = "pickup.loginId";
    private static final String LOGIN_PASSWORD = "pickup.loginPassword";
    private static final String ISSUANCE_PASSWORD = "pickup.issuancePassword";
    /** What the completion screen shows (nothing secret). */
    private static final String DONE_PREFIX = "pickup.done.";
    private static final List<String> DONE_FIELDS = List.of("loginId", "subject", "serial", "issuer", "notBefore",
            "notAfter", "fingerprint");

    private final PickupCertificateUseCase pickUp;
    private final SessionStore<Session> sessions;
    private final Pages pages;
    private final FormTokens forms;
    private final ClientAddresses addresses;
    private final SessionSecrets secrets;

    PickupController(PickupCertificateUseCase pickUp, SessionStore<Session> sessions, Pages pages, FormTokens forms,
                     ClientAddresses addresses, SessionSecrets secrets) {
        this.secrets = secrets;
        this.forms = forms;
        this.addresses = addresses;
        this.pickUp = pickUp;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String expired) {
        // no server-side session before the credentials are verified: the form's token is signed, not stored
        Map<String, Object> model = pages.model(request, null);
        model.put("csrf", forms.token(request, FORM));
        if (expired != null) {
            model.put("alert", pages.text(request, "pickup.expired"));
        }
        return HttpResponse.ok(Pages.view("pickup/form", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        String typedId = form.getOrDefault("loginId", "").strip();
        if (!forms.matches(request, FORM, form.get("_csrf"))) {
            return formWithAlert(request, session, typedId, HttpStatus.FORBIDDEN, pages.text(request, "pickup.expired"));
        }
        String loginPassword = form.getOrDefault("password", "");
        String issuancePassword = form.getOrDefault("issuancePassword", "").strip();
        try {
            // what is no login ID at all is refused as any unknown one
            LoginId loginId = LoginId.parse(typedId)
                    .orElseThrow(() -> new RequestRefusedException(Rejection.of(Rejection.Code.PICKUP_REFUSED)));
            pickUp.verify(new PickupCredentials(loginId, loginPassword.toCharArray(), issuancePassword.toCharArray(),
                    addresses.of(request)));
            // A new session for the verified credentials: an identifier planted before is worth nothing now.
            Session fresh = replaceSession(request, session);
            fresh.put(LOGIN_ID, loginId.value());
            fresh.put(LOGIN_PASSWORD, secrets.seal(fresh.getId(), loginPassword));
            fresh.put(ISSUANCE_PASSWORD, secrets.seal(fresh.getId(), issuancePassword));
            return Pages.redirect("/pickup/start");
        } catch (RequestRefusedException e) {
            return formWithAlert(request, session, typedId, RefusalHandler.statusOf(e.rejection().code()),
                    pages.refusal(request, e.rejection()));
        }
    }

    @Get("/start")
    HttpResponse<?> start(HttpRequest<?> request, @Nullable Session session) {
        Optional<PickupCredentials> credentials = credentials(request, session);
        if (credentials.isEmpty()) {
            return Pages.redirect(session != null && SignedIn.hadSession(request) ? "/pickup?expired=1" : "/pickup");
        }
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", credentials.get().loginId().value());
        return HttpResponse.ok(Pages.view("pickup/start", model));
    }

    @Post(value = "/request", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> request(HttpRequest<?> request, @Nullable Session session,
                            @Nullable @Header(KeyFlow.CSRF_HEADER) String csrf, @Body KeyFlow.CertificateRequest body) {
        Optional<PickupCredentials> credentials = credentials(request, session);
        if (credentials.isEmpty() || !SignedIn.csrfMatches(session, csrf)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of(
                    "error", pages.text(request, "pickup.expired"), "login", "/pickup?expired=1"));
        }
        try {
            IssuedCertificate result = pickUp.pickUp(credentials.get(), body.der());
            String loginId = credentials.get().loginId().value();
            forget(session);
            KeyFlow.shown(loginId, result.certificate()).forEach((k, v) -> session.put(DONE_PREFIX + k, v));
            return HttpResponse.ok(KeyFlow.IssuedReply.of(result, loginId, "/pickup/complete"));
        } catch (RequestRefusedException e) {
            // The credentials are used up, wrong by now, or the request was refused: start again from the first screen.
            forget(session);
            return HttpResponse.status(RefusalHandler.statusOf(e.rejection().code())).body(Map.of(
                    "error", pages.refusal(request, e.rejection()), "code", e.rejection().code().name()));
        }
    }

    /** いいえ at either confirmation: nothing was issued, the issuance password stays usable. */
    @Post("/cancel")
    HttpResponse<?> cancel(HttpRequest<?> request, @Nullable Session session,
                           @Nullable @Header(KeyFlow.CSRF_HEADER) String csrf) {
        if (session == null || !SignedIn.csrfMatches(session, csrf)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of(
                    "error", pages.text(request, "pickup.expired"), "login", "/pickup?expired=1"));
        }
        forget(session);
        return HttpResponse.ok(Map.of("message", pages.text(request, "pickup.cancelled")));
    }

    @Get("/complete")
    HttpResponse<?> complete(HttpRequest<?> request, @Nullable Session session) {
        if (session == null || session.get(DONE_PREFIX + "serial", String.class).isEmpty()) {
            return Pages.redirect("/pickup");
        }
        Map<String, String> shown = new HashMap<>();
        for (String field : DONE_FIELDS) {
            shown.put(field, session.get(DONE_PREFIX + field, String.class).orElse(""));
        }
        return pages.complete(request, session, shown, "pickup.complete");
    }

    private Optional<PickupCredentials> credentials(HttpRequest<?> request, Session session) {
        if (session == null) {
            return Optional.empty();
        }
        Optional<String> loginId = session.get(LOGIN_ID, String.class);
        Optional<String> loginPassword = session.get(LOGIN_PASSWORD, String.class)
                .flatMap(sealed -> secrets.open(session.getId(), sealed));
        Optional<String> issuancePassword = session.get(ISSUANCE_PASSWORD, String.class)
                .flatMap(sealed -> secrets.open(session.getId(), sealed));
        if (loginId.isEmpty() || loginPassword.isEmpty() || issuancePassword.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PickupCredentials(new LoginId(loginId.get()), loginPassword.get().toCharArray(),
                issuancePassword.get().toCharArray(), addresses.of(request)));
    }

    private static void forget(Session session) {
        session.remove(LOGIN_ID);
        session.remove(LOGIN_PASSWORD);
        session.remove(ISSUANCE_PASSWORD);
    }

    /** Deletes the session from the store and gives the browser a new, empty one in its place. */
    private Session replaceSession(HttpRequest<?> request, @Nullable Session old) {
        if (old != null) {
            old.clear();
            sessions.deleteSession(old.getId());
        }
        return SessionForRequest.create(sessions, request);
    }

    private HttpResponse<?> formWithAlert(HttpRequest<?> request, Session session, String typedId, HttpStatus status,
                                          String alert) {
        Map<String, Object> model = pages.model(request, null);
        model.put("csrf", forms.token(request, FORM));
        model.put("loginId", typedId);
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("pickup/form", model));
    }
}
