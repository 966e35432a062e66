package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;

/** Reading and verifying the audit trail: the auditor's role. */
public interface AuditTrailUseCase {
    SearchPage<AuditRecord> read(Actor actor, AuditFilter filter);

    AuditVerification verify(Actor actor);
}
