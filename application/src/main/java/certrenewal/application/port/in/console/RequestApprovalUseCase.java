package certrenewal.application.port.in.console;

import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlPolicy;

/**
 * The first staff member of a dual-control action asks for it: checked as the action itself would be (the role, the
 * target, the requester's own password), stored pending until another staff member decides it or its deadline passes.
 */
public interface RequestApprovalUseCase {
    /** The actions this bank puts under dual control ({@link DualControlPolicy#off()} when it is off). */
    DualControlPolicy dualControl();

    /**
     * @return the stored request, pending
     * @throws certrenewal.application.port.in.RequestRefusedException when the requester may not do the action, or
     *     typed a wrong password (audited)
     * @throws IllegalArgumentException when the action is not under dual control, or the reason is empty or too long
     */
    ApprovalRequest request(RequestApprovalCommand command);
}
