package certrenewal.application.port.in;

import certrenewal.domain.audit.AuditCheckpoint;
import java.util.Optional;

/**
 * Anchors the audit chain outside the database: a signed checkpoint of where it ends now, unless
 * the last checkpoint already says so. Run by the system on a schedule and at shutdown; recorded in
 * no audit entry (that would grow the chain it anchors).
 */
public interface WriteAuditCheckpointUseCase {
    /** @return the checkpoint written, or empty when the chain is empty or has not changed since the last one */
    Optional<AuditCheckpoint> writeCheckpoint();
}
