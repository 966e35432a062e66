package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ChangeLoginPasswordCommand;
import certrenewal.application.port.in.ChangeLoginPasswordUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.account.AccessScope;
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
import java.util.Optional;

/**
 * パスワード変更: the signed-in ID's own login password (current, new twice). The only screen a login reaches
 * whose password someone else chose, until it is changed; the change keeps this session and ends the ID's others.
 */
@Controller("/password")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PasswordController {
    private final ChangeLoginPasswordUseCase change;
    private final Pages pages;
    private final CustomerSessions customers;

    PasswordController(ChangeLoginPasswordUseCase change, Pages pages, CustomerSessions customers) {
        this.change = change;
        this.pages = pages;
        this.customers = customers;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String changed) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        Map<String, Object> model = model(request, session, who.get());
        if (changed != null) {
            model.put("notice", pages.text(request, "password.changed"));
        }
        return HttpResponse.ok(Pages.view("password", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
            return page(request, session, who.get(), HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
        }
        char[] current = form.getOrDefault("currentPassword", "").toCharArray();
        char[] next = form.getOrDefault("newPassword", "").toCharArray();
        char[] again = form.getOrDefault("newPasswordAgain", "").toCharArray();
        AuthenticatedId after;
        try {
            after = change.change(new ChangeLoginPasswordCommand(who.get(), current, next, again));
        } catch (RequestRefusedException e) {
            return page(request, session, who.get(), RefusalHandler.statusOf(e.rejection().code()),
                    pages.refusal(request, e.rejection()));
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
            Arrays.fill(again, '\0');
        }
        customers.update(session, after);
        // a forced change leads on to what the login may reach now; a change from the menu says it is done
        return Pages.redirect(who.get().scope() == AccessScope.PASSWORD_CHANGE
                ? CustomerGate.homeOf(after.scope()) : "/password?changed=1");
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, AuthenticatedId who, HttpStatus status,
                                 String alert) {
        Map<String, Object> model = model(request, session, who);
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("password", model));
    }

    private Map<String, Object> model(HttpRequest<?> request, Session session, AuthenticatedId who) {
        Map<String, Object> model = pages.model(request, session);
        model.put("forced", who.scope() == AccessScope.PASSWORD_CHANGE);
        return model;
    }
}
