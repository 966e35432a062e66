package certrenewal.adapters.web.console;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.adapters.web.FormTokens;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SessionEnd;
import java.util.Optional;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.domain.Rejection;
import certrenewal.domain.administration.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Arrays;
import java.util.Map;

/**
 * The console's own login and logout: staff username and password, and where the bank requires it
 * ({@code certrenewal.console.client-certificate: required}) the staff member's own client certificate on the same
 * connection; the use case judges it.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsoleLoginController {
    private static final String FORM = "console-login";
    static final int MAX_USERNAME = 64;
    private final StaffLoginUseCase login;
    private final ConsolePages pages;
    private final FormTokens forms;
    private final ClientAddresses addresses;

    ConsoleLoginController(StaffLoginUseCase login, ConsolePages pages, FormTokens forms, ClientAddresses addresses) {
        this.forms = forms;
        this.addresses = addresses;
        this.login = login;
        this.pages = pages;
    }

    @Get("/login")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String expired,
                         @Nullable @QueryValue String bye, @Nullable @QueryValue String ended) {
        if (pages.staff(request, session).isPresent()) {
            return ConsolePages.redirect("/console");
        }
        // no server-side session before login: the form's token is signed, not stored
        Map<String, Object> model = pages.model(request, null, null);
        model.put("csrf", forms.token(request, FORM));
        model.put("certificateRequired", login.certificateRequired());
        Optional<SessionEnd> end = ended == null ? Optional.empty() : ConsolePages.parseEnd(ended);
        if (end.isPresent()) {
            model.put("alert", pages.text(request, "console.session.ended." + ConsolePages.code(end.get())));
        } else if (expired != null) {
            model.put("alert", pages.text(request, "console.session.expired"));
        } else if (bye != null) {
            model.put("notice", pages.text(request, "console.login.loggedOut"));
        }
        return ConsolePages.ok("login", model);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logIn(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        if (!forms.matches(request, FORM, form.get("_csrf"))) {
            return refused(request, session, HttpStatus.FORBIDDEN, pages.text(request, "console.session.expired"), null);
        }
        String username = form.getOrDefault("username", "").strip();
        char[] password = form.getOrDefault("password", "").toCharArray();
        byte[] certificate = ClientCertificate.der(request);
        Actor.Staff staff;
        try {
            // a name longer than any account's is wrong anyway, and would not fit the audit trail's actor
            if (username.isEmpty() || username.length() > MAX_USERNAME || password.length == 0) {
                throw new RequestRefusedException(Rejection.of(Rejection.Code.WRONG_CREDENTIALS));
            }
            staff = login.logIn(username, password, certificate, addresses.of(request));
        } catch (RequestRefusedException e) {
            // with a certificate required, one answer for a wrong password and a wrong certificate alike
            String alert = login.certificateRequired() && e.rejection().code() == Rejection.Code.WRONG_CREDENTIALS
                    ? pages.text(request, "console.login.wrongWithCertificate") : pages.refusal(request, e.rejection());
            return refused(request, session, HttpStatus.UNAUTHORIZED, alert, username);
        } finally {
            Arrays.fill(password, '\0');
        }
        // A new session at login: an identifier planted before login is worth nothing after it.
        Session fresh = pages.replaceSession(request, session);
        // bound to the certificate only where the login judged it
        pages.open(fresh, staff, login.certificateRequired() ? certificate : null);
        return ConsolePages.redirect("/console");
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logOut(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        if (session != null && StaffSession.csrfMatches(session, form.get("_csrf"))) {
            pages.replaceSession(request, session);
            return ConsolePages.redirect(ConsolePages.LOGIN + "?bye=1");
        }
        return ConsolePages.redirect(ConsolePages.LOGIN);
    }

    private HttpResponse<?> refused(HttpRequest<?> request, Session session, HttpStatus status, String alert, String username) {
        Map<String, Object> model = pages.model(request, null, null);
        model.put("csrf", forms.token(request, FORM));
        model.put("certificateRequired", login.certificateRequired());
        model.put("alert", alert);
        model.put("username", username == null || username.length() > MAX_USERNAME ? null : username);
        return ConsolePages.status(status, "login", model);
    }
}
