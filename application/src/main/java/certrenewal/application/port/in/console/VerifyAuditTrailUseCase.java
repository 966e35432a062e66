package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.administration.Actor;

/**
 * Recomputes the audit trail's hash chain, compares it with every checkpoint kept outside the
 * database, and reports the first broken record with what was found: the auditor's role.
 */
public interface VerifyAuditTrailUseCase {
    AuditVerification verify(Actor actor);
}
