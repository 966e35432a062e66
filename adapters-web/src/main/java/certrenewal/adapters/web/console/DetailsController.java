package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.port.in.console.ViewIdNoticesUseCase;
import certrenewal.application.readmodel.IdNotices;
import certrenewal.application.readmodel.NoticeRecord;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.RenewalAttempt;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The detail pages: a login ID (its certificates and renewal attempts), a contract (its IDs), a certificate (its ID's page). */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DetailsController {
    /** What an action that led back here may announce ({@code ?done=}). */
    private static final Set<String> DONE = Set.of("revoked", "unlocked", "contact");
    private final SearchRecordsUseCase queries;
    private final ViewIdNoticesUseCase notices;
    private final ConsolePages pages;

    DetailsController(SearchRecordsUseCase queries, ViewIdNoticesUseCase notices, ConsolePages pages) {
        this.queries = queries;
        this.notices = notices;
        this.pages = pages;
    }

    @Get("/ids/{loginId}")
    HttpResponse<?> loginId(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                            @Nullable @QueryValue String done) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
                return pages.forbidden(request, session, staff);
            }
            Optional<LoginIdDetails> details = LoginId.parse(loginId).flatMap(id -> queries.loginIdDetails(staff, id));
            if (details.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
            }
            LoginIdDetails d = details.get();
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("id", pages.loginId(request, staff, d.contract(), d.id()));
            model.put("contract", d.contract().value());
            model.put("contractName", d.contractName());
            model.put("certificates", d.certificates().stream().map(c -> pages.certificate(request, c)).toList());
            model.put("renewals", d.renewals().stream().map(r -> renewal(request, r)).toList());
            IdNotices sent = notices.noticesOf(staff, d.id().loginId());
            model.put("contactAddress", sent.contact().map(c -> c.address().value()).orElse(""));
            model.put("contactLanguage", sent.contact().map(c -> pages.text(request, "console.language." + c.language().tag()))
                    .orElse(""));
            model.put("notices", sent.notices().stream().map(this::notice).toList());
            if (done != null && DONE.contains(done)) {
                model.put("notice", pages.text(request, "console.done." + done, d.id().loginId().value()));
            }
            return ConsolePages.ok("login-id", model);
        });
    }

    @Get("/contracts/{number}")
    HttpResponse<?> contract(HttpRequest<?> request, @Nullable Session session, @PathVariable String number) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
                return pages.forbidden(request, session, staff);
            }
            Optional<ContractDetails> details = ContractNumber.parse(number).flatMap(n -> queries.contractDetails(staff, n));
            if (details.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.contract", number);
            }
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("contract", details.get().contract().number().value());
            model.put("contractName", details.get().contract().name());
            model.put("ids", details.get().loginIds().stream().map(s -> pages.loginId(request, staff, details.get().contract().number(), s)).toList());
            return ConsolePages.ok("contract", model);
        });
    }

    /** A certificate has no page of its own: it is shown in its login ID's history. */
    @Get("/certificates/{serial}")
    HttpResponse<?> certificate(HttpRequest<?> request, @Nullable Session session, @PathVariable String serial) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
                return pages.forbidden(request, session, staff);
            }
            Optional<SerialNumber> parsed = SerialNumber.parseHex(serial);
            Optional<LoginId> owner = parsed.flatMap(s -> queries.ownerOf(staff, s));
            if (owner.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.certificate", serial);
            }
            return ConsolePages.redirect("/console/ids/" + owner.get().value() + "#certificate-" + parsed.get().hex());
        });
    }

    private Map<String, Object> notice(NoticeRecord n) {
        return row("notice", n.notice(), "subject", n.subject(), "recipient", n.recipient(), "state", n.state(),
                "attempts", n.attempts(), "queuedAt", pages.time(n.queuedAt()), "queuedAtIso", ConsolePages.iso(n.queuedAt()),
                "sentAt", pages.time(n.sentAt()), "sentAtIso", ConsolePages.iso(n.sentAt()),
                "lastError", n.lastError() == null ? "" : n.lastError());
    }

    private Map<String, Object> renewal(HttpRequest<?> request, RenewalAttempt r) {
        return row("id", r.id().toString(), "state", r.state().name(),
                "stateLabel", pages.text(request, "console.renewalState." + r.state().name()),
                "startedAt", pages.time(r.startedAt()), "startedAtIso", ConsolePages.iso(r.startedAt()),
                "endedAt", pages.time(r.endedAt()), "endedAtIso", ConsolePages.iso(r.endedAt()),
                "oldSerial", r.oldSerial() == null ? "" : r.oldSerial().hex(),
                "newSerial", r.newSerial() == null ? "" : r.newSerial().hex(),
                "reason", r.reason() == null ? "" : r.reason());
    }
}
