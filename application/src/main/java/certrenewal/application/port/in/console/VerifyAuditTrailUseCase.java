package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.administration.Actor;

/** Recomputes the audit trail's hash chain and reports the first broken record: the auditor's role. */
public interface VerifyAuditTrailUseCase {
    AuditVerification verify(Actor actor);
}
