package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.AuditFilter;
import certrenewal.application.port.in.console.AuditRecord;
import certrenewal.application.port.in.console.AuditTrailUseCase;
import certrenewal.application.port.in.console.AuditVerification;
import certrenewal.application.port.in.console.SearchPage;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.util.Objects;

/**
 * The auditor's reading and verifying of the audit trail. Each verification is recorded (with its
 * result); reading is not, or every page turned would bury the trail under its own reads.
 * Refusals are recorded either way.
 */
public final class AuditTrailService implements AuditTrailUseCase {
    private final AuditQueryPort auditQueries;
    private final TransactionPort transactions;
    private final Audit audit;

    public AuditTrailService(AuditQueryPort auditQueries, AuditTrailPort auditTrail, TransactionPort transactions,
                             Clock clock) {
        this.auditQueries = auditQueries;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public SearchPage<AuditRecord> read(Actor actor, AuditFilter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        permit(actor, AdministrativeAction.READ_AUDIT_TRAIL, "AUDIT_READ");
        return auditQueries.read(filter);
    }

    @Override
    public AuditVerification verify(Actor actor) {
        permit(actor, AdministrativeAction.VERIFY_AUDIT_TRAIL, "AUDIT_VERIFIED");
        AuditVerification result = auditQueries.verify();
        // appended after the check, so that it is the first record the next verification covers
        String outcome = result.firstBroken().isEmpty() ? AuditEvent.SUCCESS : AuditEvent.FAILED;
        String detail = result.entriesChecked() + " records checked; " + result.firstBroken()
                .map(seq -> "chain broken at record " + seq).orElse("chain intact");
        transactions.inTransaction(() -> audit.inCallerTransaction(actor.auditName(), "AUDIT_VERIFIED", "audit-trail",
                outcome, detail));
        return result;
    }

    private void permit(Actor actor, AdministrativeAction action, String auditAction) {
        Objects.requireNonNull(actor, "actor must not be null");
        AdministrationPolicy.check(actor, action, null, null).ifPresent(rejection -> {
            throw audit.refused(actor.auditName(), auditAction, "audit-trail", new RequestRefusedException(rejection));
        });
    }
}
