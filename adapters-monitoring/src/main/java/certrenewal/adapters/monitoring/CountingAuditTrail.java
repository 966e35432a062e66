package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The audit trail, counting each event it appends once the transaction holding it has committed: an event rolled
 * back with the work it described is never counted, one that committed is counted once. The application already
 * writes an audit event for every issuance, renewal step, refusal and login, so the metrics need nothing of the
 * use cases. Appending joins the caller's transaction as the decorated trail does, or runs in its own.
 */
public final class CountingAuditTrail implements AuditTrailPort {
    private final AuditTrailPort trail;
    private final TransactionPort transactions;
    private final Consumer<AuditEvent> committed;

    /** @param committed called once per committed event, after the commit; must not throw */
    public CountingAuditTrail(AuditTrailPort trail, TransactionPort transactions, Consumer<AuditEvent> committed) {
        this.trail = Objects.requireNonNull(trail, "audit trail must not be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
        this.committed = Objects.requireNonNull(committed, "consumer must not be null");
    }

    @Override
    public void append(AuditEvent event) {
        transactions.inTransaction(() -> {
            trail.append(event);
            // a new action per event: TransactionPort runs an action registered twice only once
            transactions.afterCommit(() -> committed.accept(event));
        });
    }
}
