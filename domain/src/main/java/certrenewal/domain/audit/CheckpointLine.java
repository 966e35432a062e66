package certrenewal.domain.audit;

import java.util.Objects;

/**
 * One line of the checkpoint file as read back, numbered from 1, with what its signature showed.
 * Only {@link Signed} lines vouch for the chain; the others are findings themselves.
 */
public sealed interface CheckpointLine {

    /** The line's number in the file, from 1. */
    int line();

    /** A checkpoint whose signature the audit key verifies. */
    record Signed(int line, AuditCheckpoint checkpoint) implements CheckpointLine {
        public Signed {
            Objects.requireNonNull(checkpoint, "checkpoint must not be null");
        }
    }

    /** A well-formed checkpoint whose signature the audit key does not verify: edited, or forged. */
    record BadSignature(int line, AuditCheckpoint checkpoint) implements CheckpointLine {
        public BadSignature {
            Objects.requireNonNull(checkpoint, "checkpoint must not be null");
        }
    }

    /** A line that is not a checkpoint at all: cut short (the last line without its line end), or edited out of shape. */
    record Unreadable(int line) implements CheckpointLine {
    }
}
