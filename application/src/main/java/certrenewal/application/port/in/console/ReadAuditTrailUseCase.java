package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.administration.Actor;

/** Reading the audit trail, newest first: the auditor's role. */
public interface ReadAuditTrailUseCase {
    SearchPage<AuditRecord> read(Actor actor, AuditFilter filter);
}
