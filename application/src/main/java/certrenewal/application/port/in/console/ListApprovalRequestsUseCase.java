package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import java.util.List;
import java.util.Optional;

/** The console's queue of dual-control requests and each staff member's own requests, with their state as of now. */
public interface ListApprovalRequestsUseCase {
    /**
     * A request as {@code staff} sees it now.
     *
     * @param state the state as of now (a pending request past its deadline is EXPIRED)
     * @param mayDecide whether {@code staff} may approve or reject it now
     */
    record Item(ApprovalRequest request, ApprovalRequest.State state, boolean mayDecide) {
    }

    /** The requests waiting for a decision, oldest first, those expired unapproved included (shown as such). */
    List<Item> pending(Actor.Staff staff);

    /** {@code staff}'s own requests, newest first. */
    List<Item> requestedBy(Actor.Staff staff);

    Optional<Item> find(Actor.Staff staff, long id);
}
