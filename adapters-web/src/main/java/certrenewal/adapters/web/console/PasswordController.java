package certrenewal.adapters.web.console;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.ChangeStaffPasswordUseCase;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginPassword;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Arrays;
import java.util.Map;

/**
 * Every staff member's own password: the current one, the new one twice. The only page an account
 * reaches while its password, set by someone else, must be changed ({@link ConsolePages#signedIn}).
 * After the change this browser gets a new session and the account's other sessions end.
 */
@Controller(ConsolePages.PASSWORD)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PasswordController {
    private final ChangeStaffPasswordUseCase change;
    private final ConsolePages pages;

    PasswordController(ChangeStaffPasswordUseCase change, ConsolePages pages) {
        this.change = change;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session) {
        return pages.signedIn(request, session, staff -> page(request, session, staff, HttpStatus.OK, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            char[] current = form.getOrDefault("currentPassword", "").toCharArray();
            char[] next = form.getOrDefault("newPassword", "").toCharArray();
            char[] again = form.getOrDefault("newPasswordConfirmation", "").toCharArray();
            try {
                if (!Arrays.equals(next, again)) {
                    return page(request, session, staff, HttpStatus.BAD_REQUEST,
                            pages.text(request, "console.password.differ"));
                }
                change.change(staff, current, next);
            } catch (RequestRefusedException e) {
                if (e.rejection().code() == Rejection.Code.UNKNOWN_STAFF_ACCOUNT) {
                    throw e;
                }
                return page(request, session, staff, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
                Arrays.fill(again, '\0');
            }
            // the sessions opened before the change end: this browser continues on a new one
            byte[] certificate = StaffSession.certificate(session).orElse(null); // still bound to it
            pages.open(pages.replaceSession(request, session), staff, certificate);
            return ConsolePages.redirect(ConsolePages.PASSWORD + "?changed=1");
        });
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, Actor.Staff staff, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "password");
        model.put("passwordMinLength", LoginPassword.MIN_LENGTH);
        if (alert != null) {
            model.put("alert", alert);
        } else if (request.getParameters().contains("changed")) {
            model.put("notice", pages.text(request, "console.password.changed"));
        } else if (ConsolePages.passwordChangeFirst(request)) {
            model.put("notice", pages.text(request, "console.password.first"));
        }
        return ConsolePages.status(status, "password", model);
    }
}
