package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import java.time.Clock;

/** Writes audit entries: inside the caller's transaction, or on their own for refusals. */
final class Audit {
    private final AuditTrailPort trail;
    private final TransactionPort transactions;
    private final Clock clock;

    Audit(AuditTrailPort trail, TransactionPort transactions, Clock clock) {
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    void success(String actor, String action, String target, String detail) {
        inCallerTransaction(actor, action, target, AuditEvent.SUCCESS, detail);
    }

    /** Records an entry with the caller's other changes: it commits or rolls back with them. */
    void inCallerTransaction(String actor, String action, String target, String outcome, String detail) {
        trail.append(new AuditEvent(clock.instant(), actor, action, target, outcome, detail));
    }

    /** Records a refusal in a transaction of its own (the refused work was rolled back) and returns it to throw. */
    RequestRefusedException refused(String actor, String action, String target, RequestRefusedException refusal) {
        record(actor, action, target, AuditEvent.REFUSED, refusal.rejection().code() + ": " + refusal.getMessage());
        return refusal;
    }

    /** Like {@link #refused(String, String, String, RequestRefusedException)}, recording {@code why} rather than what the caller is told. */
    RequestRefusedException refused(String actor, String action, String target, RequestRefusedException refusal, String why) {
        record(actor, action, target, AuditEvent.REFUSED, refusal.rejection().code() + ": " + why);
        return refusal;
    }

    void failed(String actor, String action, String target, String detail) {
        record(actor, action, target, AuditEvent.FAILED, detail);
    }

    private void record(String actor, String action, String target, String outcome, String detail) {
        transactions.inTransaction(() ->
                trail.append(new AuditEvent(clock.instant(), actor, action, target, outcome, detail)));
    }
}
