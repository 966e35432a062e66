package certrenewal.application.port.out;

import certrenewal.domain.administration.ApprovalRequest;
import java.util.List;
import java.util.Optional;

/** The dual-control requests (four eyes), kept until decided and afterwards as their record. */
public interface ApprovalRequestPort {
    /** Stores a new request; returns it with the identifier it was given. */
    ApprovalRequest insertRequest(ApprovalRequest request);

    Optional<ApprovalRequest> loadRequest(long id);

    /**
     * Stores {@code next}'s state, decider, time and outcome only when the stored state is still {@code expected}
     * (one conditional update), so that of two staff deciding at once only one succeeds.
     *
     * @return false when the stored state was no longer {@code expected}: nothing changed
     */
    boolean updateRequest(ApprovalRequest next, ApprovalRequest.State expected);

    /** The requests stored as pending (those past their deadline included), oldest first, at most {@code limit}. */
    List<ApprovalRequest> pendingRequests(int limit);

    /** The requests of {@code requester} in any state, newest first, at most {@code limit}. */
    List<ApprovalRequest> requestsBy(String requester, int limit);
}
