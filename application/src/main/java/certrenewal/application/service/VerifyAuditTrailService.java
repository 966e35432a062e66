package certrenewal.application.service;

import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.util.Objects;

/** The auditor verifies the audit trail's hash chain; each verification is recorded with its result. */
public final class VerifyAuditTrailService implements VerifyAuditTrailUseCase {
    private static final String ACTION = "AUDIT_VERIFIED";

    private final AuditQueryPort auditQueries;
    private final TransactionPort transactions;
    private final Audit audit;

    public VerifyAuditTrailService(AuditQueryPort auditQueries, AuditTrailPort auditTrail, TransactionPort transactions,
                                   Clock clock) {
        this.auditQueries = auditQueries;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public AuditVerification verify(Actor actor) {
        Objects.requireNonNull(actor, "actor must not be null");
        Permissions.permit(actor, AdministrativeAction.VERIFY_AUDIT_TRAIL, audit, ACTION, "audit-trail");
        AuditVerification result = auditQueries.verify();
        // appended after the check, so that it is the first record the next verification covers
        String outcome = result.firstBroken().isEmpty() ? AuditEvent.SUCCESS : AuditEvent.FAILED;
        String detail = result.entriesChecked() + " records checked; " + result.firstBroken()
                .map(seq -> "chain broken at record " + seq).orElse("chain intact");
        transactions.inTransaction(() -> audit.inCallerTransaction(actor.auditName(), ACTION, "audit-trail", outcome, detail));
        return result;
    }
}
