package certrenewal.application.service;

import certrenewal.application.port.in.console.ReadAuditTrailUseCase;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.util.Objects;

/**
 * The auditor reads the audit trail. Reading is not recorded, or every page turned would bury the
 * trail under its own reads; a refusal is.
 */
public final class ReadAuditTrailService implements ReadAuditTrailUseCase {
    private final AuditQueryPort auditQueries;
    private final Audit audit;

    public ReadAuditTrailService(AuditQueryPort auditQueries, AuditTrailPort auditTrail, TransactionPort transactions,
                                 Clock clock) {
        this.auditQueries = auditQueries;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public SearchPage<AuditRecord> read(Actor actor, AuditFilter filter) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(filter, "filter must not be null");
        Permissions.permit(actor, AdministrativeAction.READ_AUDIT_TRAIL, audit, "AUDIT_READ", "audit-trail");
        return auditQueries.read(filter);
    }
}
