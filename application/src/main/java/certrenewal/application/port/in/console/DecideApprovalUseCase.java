package certrenewal.application.port.in.console;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import java.util.Optional;

/**
 * A second staff member approves or rejects a pending dual-control request. On approval the action runs through its
 * own use case, with its checks as of that moment and the approver's password; when it refuses, the request is
 * FAILED with its refusal and nothing else changes. Every decision and refusal is audited.
 */
public interface DecideApprovalUseCase {
    /**
     * The approval and what the action gave: the issuance password of a re-issue or a contract registration, shown
     * once to the approver.
     */
    record Approval(ApprovalRequest request, Optional<IssuancePassword> issuance) {
    }

    /**
     * @return the request APPROVED (the action ran) or FAILED (its outcome names the action's refusal code)
     * @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED, OWN_APPROVAL, APPROVAL_EXPIRED,
     *     APPROVAL_DECIDED, WRONG_CONFIRMATION_PASSWORD: nothing changed
     * @throws IllegalArgumentException when there is no request {@code id}
     */
    Approval approve(Actor.Staff approver, long id, char[] confirmationPassword);

    /**
     * @param why the rejection's reason, 1 to {@link ApprovalRequest#MAX_REASON} characters
     * @return the request REJECTED
     * @throws certrenewal.application.port.in.RequestRefusedException as {@link #approve} but for the password
     */
    ApprovalRequest reject(Actor.Staff rejecter, long id, String why);
}
