package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;

/** The steps of the browser renewal share how they find the caller's open renewal, time it out and fail it. */
final class OpenRenewals {
    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final RenewalPolicy policy;
    private final Audit audit;
    private final Clock clock;

    OpenRenewals(RenewalPort renewals, TransactionPort transactions, RenewalPolicy policy, Audit audit, Clock clock) {
        this.renewals = renewals;
        this.transactions = transactions;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's own open renewal; a timed-out one is abandoned and refused. */
    Renewal.Open ofCaller(RenewalId id, AuthenticatedId who) {
        Renewal renewal = renewals.loadRenewal(id)
                .filter(r -> r.loginId().equals(who.loginId()))
                .orElseThrow(() -> refusal(Code.RENEWAL_NOT_FOUND));
        if (!(renewal instanceof Renewal.Open open)) {
            throw refusal(Code.RENEWAL_NOT_FOUND, "This renewal has already ended (" + renewal.state() + ").");
        }
        if (open.hasTimedOut(clock.instant(), policy)) {
            abandonTimedOut(open);
            throw refusal(Code.RENEWAL_TIMED_OUT);
        }
        return open;
    }

    /** In a transaction of its own; fails with ConcurrentUpdateException when the customer moved it on meanwhile. */
    void abandonTimedOut(Renewal.Open open) {
        abandon(open, "system", "timed out");
    }

    /** In a transaction of its own. */
    void abandon(Renewal.Open open, String actor, String reason) {
        transactions.inTransaction(() -> {
            Renewal.Abandoned abandoned = open.abandon(reason, clock.instant());
            renewals.updateRenewal(abandoned);
            audit.success(actor, "RENEWAL_ABANDONED", "renewal:" + abandoned.id(), reason);
        });
    }

    /** Ends the renewal as FAILED with {@code reason}, unless another request ended it first. */
    void fail(Renewal.Open open, Rejection reason) {
        try {
            transactions.inTransaction(() -> {
                Renewal.Failed failed = open.fail(reason, clock.instant());
                renewals.updateRenewal(failed);
                // A refused request is REFUSED, a fault of ours FAILED: never SUCCESS for a renewal that failed.
                String outcome = reason.code() == Code.ISSUANCE_FAILED ? AuditEvent.FAILED : AuditEvent.REFUSED;
                audit.inCallerTransaction(open.loginId().value(), "RENEWAL_FAILED", "renewal:" + failed.id(), outcome,
                        reason.code() + ": " + reason.message());
            });
        } catch (ConcurrentUpdateException e) {
            // another request ended this renewal first; its outcome stands
        }
    }
}
