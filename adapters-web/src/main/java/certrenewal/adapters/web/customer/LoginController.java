package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.adapters.web.FormTokens;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.LoginId;
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
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The login screen: login ID, password and the browser's client certificate, then the notice or the main menu. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoginController {
    private static final String FORM = "login";
    private final LogInUseCase login;
    private final GetCertificateOverviewUseCase overview;
    private final SessionStore<Session> sessions;
    private final Pages pages;
    private final CustomerSessions customers;
    private final FormTokens forms;
    private final ClientAddresses addresses;

    LoginController(LogInUseCase login, GetCertificateOverviewUseCase overview, SessionStore<Session> sessions, Pages pages,
                    CustomerSessions customers, FormTokens forms, ClientAddresses addresses) {
        this.forms = forms;
        this.addresses = addresses;
        this.customers = customers;
        this.login = login;
        this.overview = overview;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> root(HttpRequest<?> request, @Nullable Session session) {
        return Pages.redirect(customers.of(session, request).isPresent() ? "/main" : CustomerGate.loginPath(request));
    }

    @Get("/login")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String expired,
                         @Nullable @QueryValue String bye, @Nullable @QueryValue String ended) {
        // no server-side session before login: the form's token is signed, not stored
        Map<String, Object> model = pages.model(request, null);
        model.put("csrf", forms.token(request, FORM));
        Optional<SessionEnd> end = ended == null ? Optional.empty() : CustomerGate.parse(ended);
        if (end.isPresent()) {
            model.put("alert", pages.text(request, "session.ended." + CustomerGate.code(end.get())));
        } else if (expired != null) {
            model.put("alert", pages.text(request, "session.expired"));
        } else if (bye != null) {
            model.put("notice", pages.text(request, "login.loggedOut"));
        }
        return HttpResponse.ok(Pages.view("login", model));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logIn(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        if (!forms.matches(request, FORM, form.get("_csrf"))) {
            return refused(request, session, HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
        }
        byte[] certificate = ClientCertificate.der(request);
        // what is no login ID at all is a wrong login ID, as the login screen says of any unknown one
        Optional<LoginId> loginId = LoginId.parse(form.getOrDefault("loginId", "").strip());
        if (loginId.isEmpty()) {
            return refused(request, session, HttpStatus.UNAUTHORIZED,
                    pages.refusal(request, Rejection.of(Rejection.Code.WRONG_CREDENTIALS)));
        }
        char[] password = form.getOrDefault("password", "").toCharArray();
        AuthenticatedId who;
        try {
            who = login.logIn(new LogInCommand(loginId.get(), password, certificate, addresses.of(request)));
        } catch (RequestRefusedException e) {
            return refused(request, session, HttpStatus.UNAUTHORIZED, pages.refusal(request, e.rejection()));
        } finally {
            Arrays.fill(password, '\0');
        }
        // A new session at login: an identifier planted before login is worth nothing after it.
        Session fresh = replaceSession(request, session);
        customers.open(fresh, who, certificate);
        if (who.scope() != AccessScope.FULL) {
            // what it must do first: change the password someone else chose, renew the expired certificate
            return Pages.redirect(CustomerGate.homeOf(who.scope()));
        }
        boolean renewable = overview.overview(who).renewalRefusal().isEmpty();
        return Pages.redirect(renewable ? "/renewal/notice" : "/main");
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logOut(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        if (session != null && SignedIn.csrfMatches(session, form.get("_csrf"))) {
            replaceSession(request, session);
            return Pages.redirect("/login?bye=1");
        }
        return Pages.redirect("/login");
    }

    /** Deletes the session from the store and gives the browser a new, empty one in its place. */
    private Session replaceSession(HttpRequest<?> request, @Nullable Session old) {
        if (old != null) {
            old.clear();
            sessions.deleteSession(old.getId());
        }
        return SessionForRequest.create(sessions, request);
    }

    private HttpResponse<?> refused(HttpRequest<?> request, Session session, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, null);
        model.put("csrf", forms.token(request, FORM));
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("login", model));
    }
}
