package certrenewal.application.readmodel;

import certrenewal.domain.audit.AuditFinding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param entriesChecked     how many records the chain holds
 * @param firstBroken        the sequence number of the first record that was edited, deleted, reordered or
 *                           inserted, or that follows a deleted one, or from which on a damaged checkpoint
 *                           no longer vouches for the records; empty when the trail is intact
 * @param checkpointsChecked how many lines of the checkpoint file the chain was compared with
 * @param findings           what is wrong, each with the records it concerns: the chain's own break first,
 *                           then the checkpoints' in file order; empty when the trail is intact
 */
public record AuditVerification(long entriesChecked, Optional<Long> firstBroken, int checkpointsChecked,
                                List<AuditFinding> findings) {
    public AuditVerification {
        Objects.requireNonNull(firstBroken, "firstBroken must not be null");
        findings = List.copyOf(findings);
    }

    /** The chain's own check alone, compared with no checkpoint. */
    public AuditVerification(long entriesChecked, Optional<Long> firstBroken) {
        this(entriesChecked, firstBroken, 0, List.of());
    }

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
