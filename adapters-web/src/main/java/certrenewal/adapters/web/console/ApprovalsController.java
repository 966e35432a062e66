package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.console.DecideApprovalUseCase;
import certrenewal.application.port.in.console.ListApprovalRequestsUseCase;
import certrenewal.application.port.in.console.ListApprovalRequestsUseCase.Item;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.domain.Rejection;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dual control (four eyes): the queue of requests waiting for a second staff member (approve with one's own password,
 * reject with a reason; those past their deadline shown as expired) and the staff member's own requests with their
 * state. Every role sees the page; only staff whose role may do the action, and not its requester, get the buttons,
 * and the use case refuses anyone else.
 */
@Controller("/console/approvals")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApprovalsController {
    private static final Set<String> DONE = Set.of("requested", "approved", "rejected");

    private final ListApprovalRequestsUseCase lists;
    private final DecideApprovalUseCase decisions;
    private final ConsolePages pages;

    ApprovalsController(ListApprovalRequestsUseCase lists, DecideApprovalUseCase decisions, ConsolePages pages) {
        this.lists = lists;
        this.decisions = decisions;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String done) {
        return pages.signedIn(request, session, staff -> page(request, session, staff, HttpStatus.OK, null,
                done != null && DONE.contains(done) ? pages.text(request, "console.approval.done." + done) : null));
    }

    @Post(value = "/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, @Nullable Session session, @PathVariable String id,
                            @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> onRequest(request, session, staff, id, item -> {
            char[] password = form.getOrDefault("password", "").toCharArray();
            try {
                DecideApprovalUseCase.Approval approval = decisions.approve(staff, item.request().id(), password);
                ApprovalRequest decided = approval.request();
                if (decided.state() == ApprovalRequest.State.FAILED) {
                    Rejection refusal = Rejection.of(Rejection.Code.valueOf(decided.outcome()));
                    return page(request, session, staff, RefusalHandler.statusOf(refusal.code()),
                            pages.text(request, "console.approval.failed", pages.refusal(request, refusal)), null);
                }
                if (approval.issuance().isPresent()) {
                    return issued(request, session, staff, decided, approval.issuance().get());
                }
                return ConsolePages.redirect("/console/approvals?done=approved");
            } catch (RequestRefusedException e) {
                if (e.rejection().code() != Rejection.Code.WRONG_CONFIRMATION_PASSWORD) {
                    throw e;
                }
                return page(request, session, staff, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()), null);
            } finally {
                Arrays.fill(password, '\0');
            }
        }));
    }

    @Post(value = "/{id}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(HttpRequest<?> request, @Nullable Session session, @PathVariable String id,
                           @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> onRequest(request, session, staff, id, item -> {
            String why = form.getOrDefault("rejectReason", "").strip();
            if (why.isEmpty() || why.length() > ApprovalRequest.MAX_REASON) {
                return page(request, session, staff, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.approval.reasonNeeded", ApprovalRequest.MAX_REASON), null);
            }
            decisions.reject(staff, item.request().id(), why);
            return ConsolePages.redirect("/console/approvals?done=rejected");
        }));
    }

    private HttpResponse<?> onRequest(HttpRequest<?> request, Session session, Actor.Staff staff, String id,
                                      java.util.function.Function<Item, HttpResponse<?>> action) {
        Optional<Item> item;
        try {
            item = lists.find(staff, Long.parseLong(id));
        } catch (NumberFormatException e) {
            item = Optional.empty();
        }
        if (item.isEmpty()) {
            return pages.notFound(request, session, staff, "console.notFound.approval", id);
        }
        return action.apply(item.get());
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, Actor.Staff staff, HttpStatus status,
                                 String alert, String notice) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "approvals");
        model.put("pending", rows(request, lists.pending(staff)));
        model.put("mine", rows(request, lists.requestedBy(staff)));
        if (alert != null) {
            model.put("alert", alert);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        return ConsolePages.status(status, "approvals", model);
    }

    private List<Map<String, Object>> rows(HttpRequest<?> request, List<Item> items) {
        return items.stream().map(item -> {
            ApprovalRequest r = item.request();
            String outcome = r.outcome() == null ? "" : r.state() == ApprovalRequest.State.FAILED
                    ? pages.refusal(request, Rejection.of(Rejection.Code.valueOf(r.outcome()))) : r.outcome();
            return row("id", r.id(), "action", pages.text(request, "console.approval.action." + r.action().name()),
                    "target", r.target(), "requester", r.requester(), "reason", r.reason(),
                    "requestedAt", pages.time(r.requestedAt()), "deadline", pages.time(r.deadline()),
                    "deadlineIso", ConsolePages.iso(r.deadline()), "state", item.state().name(),
                    "stateLabel", pages.text(request, "console.approval.state." + item.state().name()),
                    "decidedBy", r.decidedBy() == null ? "" : r.decidedBy(), "outcome", outcome,
                    "mayDecide", item.mayDecide());
        }).toList();
    }

    /** An approved re-issue or contract registration: its issuance password, shown to the approver once. */
    private HttpResponse<?> issued(HttpRequest<?> request, Session session, Actor.Staff staff, ApprovalRequest decided,
                                   IssuancePassword issuance) {
        Map<String, String> command = decided.command();
        boolean registration = command.containsKey(RequestApprovalCommand.ADMINISTRATOR);
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("title", pages.text(request, registration ? "console.registered.title" : "console.reissued.title"));
        model.put("loginId", command.get(registration ? RequestApprovalCommand.ADMINISTRATOR : RequestApprovalCommand.LOGIN_ID));
        model.put("contract", command.getOrDefault(RequestApprovalCommand.CONTRACT_NUMBER, ""));
        model.put("contractName", command.getOrDefault(RequestApprovalCommand.CONTRACT_NAME, ""));
        model.put("issuancePassword", issuance.password());
        model.put("deadline", pages.time(issuance.deadline()));
        model.put("deadlineIso", ConsolePages.iso(issuance.deadline()));
        return ConsolePages.ok("issued", model);
    }
}
