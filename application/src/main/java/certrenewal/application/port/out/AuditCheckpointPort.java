package certrenewal.application.port.out;

import certrenewal.domain.audit.AuditCheckpoint;
import certrenewal.domain.audit.CheckpointLine;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints of the audit chain, kept outside the database and signed with the audit key, which
 * the database does not hold either: an append-only store that nothing here ever rewrites.
 */
public interface AuditCheckpointPort {

    /** Signs the checkpoint and appends it; on durable storage when this returns. */
    void append(AuditCheckpoint checkpoint);

    /** The newest checkpoint written (its signature unchecked): to tell whether the chain grew since. */
    Optional<AuditCheckpoint> latest();

    /** Every checkpoint written, in the order written, each with its signature checked. */
    List<CheckpointLine> readAll();
}
