package certrenewal.application.service;

import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.DualControlPolicy;
import java.util.Objects;

/**
 * The approval of a dual-control request, carried into the approved action's own transaction: the request is marked
 * approved there, by a conditional update (so that of two approvers one wins), and the action and its approval commit
 * or roll back together. A crash or a database failure in between leaves the request pending, never approved with
 * nothing done. A direct action (no dual control) carries none: {@code null}.
 *
 * @param auditDetail who requested and who approved, for the action's audit record
 * @param claim marks the request approved and records the approval, in the caller's transaction; refuses with
 *              {@code APPROVAL_DECIDED} when another decision got there first
 */
record DualControlApproval(String auditDetail, Runnable claim) {
    DualControlApproval {
        Objects.requireNonNull(auditDetail, "audit detail must not be null");
        Objects.requireNonNull(claim, "claim must not be null");
    }

    /**
     * Refuses a staff action that {@code policy} puts under dual control unless it runs on an approved request: the
     * rule holds for every caller of the use case, not only for the console's forms.
     */
    static void requireIfCovered(DualControlPolicy policy, DualControlApproval approval, Actor actor,
                                 AdministrativeAction action, IdKind targetKind) {
        if (approval == null && policy.covering(actor, action, targetKind).isPresent()) {
            throw Refusals.refusal(Code.APPROVAL_REQUIRED);
        }
    }

    /**
     * The acting person's password typed again, checked once: an approval is only made after the approver's password
     * was confirmed (DecideApprovalService), so the action it runs does not hash the same password a second time.
     */
    static void confirmUnlessApproved(ConfirmationPasswords confirmations, DualControlApproval approval, Actor actor,
                                      char[] password) {
        if (approval == null) {
            confirmations.confirm(actor, password);
        }
    }

    /** Within the action's transaction, before its audit record: claims the request, if the action was one. */
    static void claimIn(DualControlApproval approval) {
        if (approval != null) {
            approval.claim().run();
        }
    }

    /** {@code detail} followed by who requested and approved the action under dual control, when it was one. */
    static String detail(String detail, DualControlApproval approval) {
        return approval == null ? detail : detail + "; " + approval.auditDetail();
    }
}
