package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ChangeContactDetailsCommand;
import certrenewal.application.port.in.ChangeContactDetailsUseCase;
import certrenewal.application.port.in.RequestRefusedException;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** 設定: the signed-in ID's contact e-mail address (after its password) and the language of its notices. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SettingsController {
    private final ChangeContactDetailsUseCase contacts;
    private final Pages pages;
    private final CustomerSessions customers;

    SettingsController(ChangeContactDetailsUseCase contacts, Pages pages, CustomerSessions customers) {
        this.contacts = contacts;
        this.pages = pages;
        this.customers = customers;
    }

    @Get("/settings")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Session session) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        Optional<ContactDetails> current = contacts.current(who.get().loginId());
        return page(request, session, current.map(c -> c.address().value()).orElse(""),
                current.map(ContactDetails::language).orElse(NoticeLanguage.DEFAULT).tag(), HttpStatus.OK, null, null);
    }

    @Post(value = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        String typed = form.getOrDefault("email", "").strip();
        String language = NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT).tag();
        if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
            return page(request, session, typed, language, HttpStatus.FORBIDDEN, pages.text(request, "session.expired"), null);
        }
        Optional<EmailAddress> address = EmailAddress.parse(typed);
        if (address.isEmpty()) {
            return page(request, session, typed, language, HttpStatus.BAD_REQUEST,
                    pages.text(request, "settings.badEmail"), null);
        }
        char[] password = form.getOrDefault("password", "").toCharArray();
        try {
            contacts.change(new ChangeContactDetailsCommand(who.get().loginId(), address.get(),
                    NoticeLanguage.parse(language).orElseThrow(), password));
            return page(request, session, address.get().value(), language, HttpStatus.OK, null,
                    pages.text(request, "settings.saved"));
        } catch (RequestRefusedException e) {
            return page(request, session, typed, language, RefusalHandler.statusOf(e.rejection().code()),
                    pages.refusal(request, e.rejection()), null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, String email, String language,
                                 HttpStatus status, String alert, String notice) {
        Map<String, Object> model = pages.model(request, session);
        model.put("email", email);
        model.put("noticeLanguage", language);
        model.put("alert", alert);
        model.put("notice", notice);
        return HttpResponse.status(status).body(Pages.view("settings", model));
    }
}
