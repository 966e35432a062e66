package certrenewal.application.service;

import certrenewal.application.port.in.AbandonTimedOutRenewalsUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.util.List;

/** The scheduled sweep: open renewals that got no key request within the timeout end as abandoned. */
public final class AbandonTimedOutRenewalsService implements AbandonTimedOutRenewalsUseCase {
    private static final int BATCH = 500;

    private final RenewalPort renewals;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final OpenRenewals openRenewals;

    public AbandonTimedOutRenewalsService(RenewalPort renewals, AuditTrailPort auditTrail, TransactionPort transactions,
                                          RenewalPolicy policy, Clock clock) {
        this.renewals = renewals;
        this.policy = policy;
        this.clock = clock;
        this.openRenewals = new OpenRenewals(renewals, transactions, policy, new Audit(auditTrail, transactions, clock), clock);
    }

    @Override
    public int abandonTimedOut() {
        List<Renewal> stale = renewals.findOpenRenewalsStartedBefore(clock.instant().minus(policy.openTimeout()), BATCH);
        int abandoned = 0;
        for (Renewal renewal : stale) {
            if (renewal instanceof Renewal.Open open) {
                try {
                    openRenewals.abandonTimedOut(open);
                    abandoned++;
                } catch (ConcurrentUpdateException e) {
                    // the customer moved it on meanwhile: nothing to abandon
                }
            }
        }
        return abandoned;
    }
}
