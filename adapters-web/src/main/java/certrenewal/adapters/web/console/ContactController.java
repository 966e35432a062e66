package certrenewal.adapters.web.console;

import certrenewal.adapters.web.OfferedActions;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.ChangeIdContactUseCase;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bank changes a login ID's contact e-mail address and notice language (on the customer's request, e.g. when
 * the administrator has left): a form on the ID's page confirmed with the operator's own password; audited by the use
 * case. Kept apart from {@link ActionsController}, whose actions change the ID's certificate or account.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContactController {
    private final SearchRecordsUseCase queries;
    private final ChangeIdContactUseCase contacts;
    private final ConsolePages pages;

    ContactController(SearchRecordsUseCase queries, ChangeIdContactUseCase contacts, ConsolePages pages) {
        this.queries = queries;
        this.contacts = contacts;
        this.pages = pages;
    }

    @Get("/ids/{loginId}/contact")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return pages.signedIn(request, session, staff -> onChangeableId(request, session, staff, loginId, d -> {
            Optional<ContactDetails> current = contacts.current(staff, d.id().loginId());
            return page(request, session, staff, d, current.map(c -> c.address().value()).orElse(""),
                    current.map(ContactDetails::language).orElse(NoticeLanguage.DEFAULT).tag(), HttpStatus.OK, null);
        }));
    }

    @Post(value = "/ids/{loginId}/contact", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                           @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> onChangeableId(request, session, staff, loginId, d -> {
            String typed = form.getOrDefault("email", "");
            String language = NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT).tag();
            Optional<EmailAddress> address = EmailAddress.parse(typed);
            if (address.isEmpty()) {
                return page(request, session, staff, d, typed, language, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.badEmail"));
            }
            char[] password = form.getOrDefault("password", "").toCharArray();
            try {
                contacts.change(new ChangeIdContactCommand(staff, d.id().loginId(), address.get(),
                        NoticeLanguage.parse(language).orElseThrow(), password));
                return ConsolePages.redirect("/console/ids/" + d.id().loginId().value() + "?done=contact");
            } catch (RequestRefusedException e) {
                if (e.rejection().code() != Rejection.Code.WRONG_CONFIRMATION_PASSWORD) {
                    throw e;
                }
                return page(request, session, staff, d, typed, language, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(password, '\0');
            }
        }));
    }

    /** {@code page} for an ID of the path the staff member may change the address of; else 403 or 404. */
    private HttpResponse<?> onChangeableId(HttpRequest<?> request, Session session, Actor.Staff staff, String loginId,
                                           Function<LoginIdDetails, HttpResponse<?>> page) {
        if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
            return pages.forbidden(request, session, staff);
        }
        Optional<LoginIdDetails> details = LoginId.parse(loginId).flatMap(id -> queries.loginIdDetails(staff, id));
        if (details.isEmpty()) {
            return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
        }
        LoginIdDetails d = details.get();
        Optional<Rejection> refusal = OfferedActions.refusalOn(staff, AdministrativeAction.CHANGE_CONTACT, d.contract(), d.id());
        if (refusal.isPresent()) {
            return pages.refused(request, session, staff, refusal.get());
        }
        return page.apply(d);
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, Actor.Staff staff, LoginIdDetails d,
                                 String email, String language, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("id", pages.loginId(request, staff, d.contract(), d.id()));
        model.put("contract", d.contract().value());
        model.put("contractName", d.contractName());
        model.put("email", email);
        model.put("noticeLanguage", language);
        if (alert != null) {
            model.put("alert", alert);
        }
        return ConsolePages.status(status, "contact", model);
    }
}
