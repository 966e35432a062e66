package certrenewal.domain.administration;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A console action waiting for a second staff member's approval (four eyes). It carries the whole
 * command to run on approval (never a password in clear), who asked and why, and until when it may
 * be approved. A request nobody decided before its deadline is expired, by the clock alone.
 *
 * @param command what the action needs to run later (e.g. the revocation reason), by name
 * @param decidedBy the approver or rejecter, null while pending
 * @param outcome why an approval failed or a request was rejected, null otherwise
 */
public record ApprovalRequest(long id, DualControlAction action, String target, Map<String, String> command,
                              String requester, String reason, Instant requestedAt, Instant deadline, State state,
                              String decidedBy, Instant decidedAt, String outcome) {
    /** The longest reason kept: a sentence or two for the approver. */
    public static final int MAX_REASON = 500;

    public enum State {
        PENDING,
        /** Approved, and the action ran. */
        APPROVED,
        REJECTED,
        /** Approved, but the action's own checks refused it at that moment: nothing changed. */
        FAILED,
        EXPIRED
    }

    public ApprovalRequest {
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(target, "target must not be null");
        command = Map.copyOf(Objects.requireNonNull(command, "command must not be null"));
        Objects.requireNonNull(requester, "requester must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(requestedAt, "request time must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
        Objects.requireNonNull(state, "state must not be null");
        if (!deadline.isAfter(requestedAt)) {
            throw new IllegalArgumentException("the deadline must follow the request");
        }
    }

    /**
     * A new request by {@code requester}, open for {@code openFor}; refused when the requester may not
     * do the action itself or gives no reason.
     */
    public static ApprovalRequest request(Actor.Staff requester, DualControlAction action, String target,
                                          Map<String, String> command, String reason, Instant now, Duration openFor) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + MAX_REASON + " characters is needed");
        }
        return new ApprovalRequest(0, action, target, command, requester.username(), why, now, now.plus(openFor),
                State.PENDING, null, null, null);
    }

    /** The state as of {@code now}: a pending request past its deadline is expired. */
    public State stateAt(Instant now) {
        return state == State.PENDING && !now.isBefore(deadline) ? State.EXPIRED : state;
    }

    /**
     * Why {@code staff} may not approve or reject this request at {@code now}, or empty when it may:
     * only staff whose role may do the action decide; nobody decides their own request; only a
     * pending request before its deadline is decided.
     */
    public Optional<Rejection> decisionRefused(Actor.Staff staff, Instant now) {
        Optional<Rejection> role = AdministrationPolicy.checkOnAdministratorId(staff, action.action());
        if (role.isPresent()) {
            return role;
        }
        if (staff.username().equals(requester)) {
            return Optional.of(Rejection.of(Code.OWN_APPROVAL));
        }
        return switch (stateAt(now)) {
            case PENDING -> Optional.empty();
            case EXPIRED -> Optional.of(Rejection.of(Code.APPROVAL_EXPIRED));
            case APPROVED, REJECTED, FAILED -> Optional.of(Rejection.of(Code.APPROVAL_DECIDED));
        };
    }

    public ApprovalRequest approved(Actor.Staff approver, Instant now) {
        return decided(approver, now, State.APPROVED, null);
    }

    public ApprovalRequest rejected(Actor.Staff rejecter, Instant now, String why) {
        return decided(rejecter, now, State.REJECTED, why);
    }

    /** Approved, but the action refused to run: {@code why} is its refusal. */
    public ApprovalRequest failed(Actor.Staff approver, Instant now, String why) {
        return decided(approver, now, State.FAILED, why);
    }

    /** Marked expired, nobody having decided it before its deadline: stored so that its end is on record too. */
    public ApprovalRequest expired(Instant now) {
        if (state != State.PENDING || stateAt(now) != State.EXPIRED) {
            throw new IllegalStateException("request " + id + " is not overdue at " + now);
        }
        return new ApprovalRequest(id, action, target, command, requester, reason, requestedAt, deadline, State.EXPIRED,
                null, deadline, null);
    }

    private ApprovalRequest decided(Actor.Staff staff, Instant now, State next, String why) {
        decisionRefused(staff, now).ifPresent(rejection -> {
            throw new IllegalStateException("cannot decide request " + id + ": " + rejection.code());
        });
        return new ApprovalRequest(id, action, target, command, requester, reason, requestedAt, deadline, next,
                staff.username(), now, why);
    }

    /** The names the audit record of the action carries: who asked, who approved. */
    public String auditDetail() {
        return "requested by staff:" + requester + (decidedBy == null ? "" : ", approved by staff:" + decidedBy)
                + " (request " + id + ")";
    }
}
