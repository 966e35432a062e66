package certrenewal.application.service;

import certrenewal.application.port.in.console.ExpireApprovalRequestsUseCase;
import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.ApprovalRequest;
import java.time.Clock;
import java.time.Instant;

/**
 * Records dual-control requests that nobody decided before their deadline as expired, each with an audit record, so
 * that the trail shows how every request ended. A request is expired by the clock whether or not this ran (nobody can
 * decide it after its deadline); the sweep only writes it down. Each is marked by one conditional update, so that two
 * nodes, or a decision racing the deadline, record it once.
 */
public final class ExpireApprovalRequestsService implements ExpireApprovalRequestsUseCase {
    static final String AUDIT_ACTION = "APPROVAL_EXPIRED";
    private static final int BATCH = 500;

    private final ApprovalRequestPort requests;
    private final TransactionPort transactions;
    private final Audit audit;
    private final Clock clock;

    public ExpireApprovalRequestsService(ApprovalRequestPort requests, AuditTrailPort auditTrail,
                                         TransactionPort transactions, Clock clock) {
        this.requests = requests;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.clock = clock;
    }

    @Override
    public int expireOverdue() {
        Instant now = clock.instant();
        int expired = 0;
        for (ApprovalRequest request : requests.pendingRequests(BATCH)) {
            if (request.stateAt(now) == ApprovalRequest.State.EXPIRED && record(request.expired(now))) {
                expired++;
            }
        }
        return expired;
    }

    private boolean record(ApprovalRequest expired) {
        return transactions.inTransaction(() -> {
            if (!requests.updateRequest(expired, ApprovalRequest.State.PENDING)) {
                return false; // decided or recorded meanwhile
            }
            audit.success("system", AUDIT_ACTION, "approval:" + expired.id(), expired.action() + " on "
                    + expired.target() + ", requested by staff:" + expired.requester() + ", not decided by its deadline "
                    + expired.deadline());
            return true;
        });
    }
}
