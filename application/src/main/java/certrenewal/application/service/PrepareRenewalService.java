package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.PrepareRenewalUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;

/** 電子証明書更新開始: a started renewal now waits for the key the browser makes. */
public final class PrepareRenewalService implements PrepareRenewalUseCase {
    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final Audit audit;
    private final OpenRenewals openRenewals;

    public PrepareRenewalService(RenewalPort renewals, AuditTrailPort auditTrail, TransactionPort transactions,
                                 RenewalPolicy policy, Clock clock) {
        this.renewals = renewals;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.openRenewals = new OpenRenewals(renewals, transactions, policy, audit, clock);
    }

    @Override
    public Renewal.AwaitingKey prepare(RenewalId id, AuthenticatedId who) {
        Renewal.Started started;
        switch (openRenewals.ofCaller(id, who)) {
            case Renewal.Started s -> started = s;
            case Renewal.AwaitingKey a -> {
                return a; // a reload of the start screen: already prepared
            }
        }
        return transactions.inTransaction(() -> {
            Renewal.AwaitingKey awaiting = started.awaitKey();
            renewals.updateRenewal(awaiting);
            audit.success(who.loginId().value(), "RENEWAL_AWAITING_KEY", "renewal:" + awaiting.id(), "");
            return awaiting;
        });
    }
}
