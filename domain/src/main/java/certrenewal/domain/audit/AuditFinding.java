package certrenewal.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the audit trail, as the records it concerns: {@code firstSeq} to
 * {@code lastSeq}, both included.
 *
 * @param line       the checkpoint file's line it comes from, or 0 for the chain's own check
 * @param checkpoint what that line says (also for a line with a bad signature: what it claims)
 */
public record AuditFinding(Kind kind, long firstSeq, long lastSeq, int line, Optional<AuditCheckpoint> checkpoint) {

    public enum Kind {
        /** Recomputing the chain failed at {@code firstSeq}: that record was edited, deleted, reordered or inserted, or follows a deleted one. */
        CHAIN_BROKEN,
        /** The chain ends before a checkpoint: records {@code firstSeq}..{@code lastSeq} are gone. */
        RECORDS_MISSING,
        /**
         * Records {@code firstSeq}..{@code lastSeq} are there, but the checkpoint that covered them anchors a record
         * that is gone ({@link #RECORDS_MISSING}), so nothing confirms that they are the records it anchored.
         */
        RECORDS_UNCONFIRMED,
        /** Record {@code lastSeq} does not have the checkpoint's hash: one of {@code firstSeq}..{@code lastSeq} was edited, removed, reordered or replaced. */
        RECORDS_CHANGED,
        /** A checkpoint line whose signature does not verify; records from {@code firstSeq} on are vouched for by no checkpoint before it. */
        CHECKPOINT_BAD_SIGNATURE,
        /** A line that is not a checkpoint (cut short or edited); records from {@code firstSeq} on are vouched for by no checkpoint before it. */
        CHECKPOINT_UNREADABLE,
        /** A checkpoint of an earlier record than a line before it: lines reordered, or the chain was cut back to {@code firstSeq - 1} and anchored again. */
        CHECKPOINT_OUT_OF_ORDER
    }

    public AuditFinding {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(checkpoint, "checkpoint must not be null");
        if (firstSeq < 1 || lastSeq < firstSeq) {
            throw new IllegalArgumentException("records " + firstSeq + " to " + lastSeq + " are no range");
        }
    }

    static AuditFinding chainBroken(long seq) {
        return new AuditFinding(Kind.CHAIN_BROKEN, seq, seq, 0, Optional.empty());
    }

    /** For the audit record of a verification and for logs; the console may word it in its own language from the components. */
    public String describe() {
        String since = checkpoint.map(c -> " since the checkpoint of " + c.at() + " (line " + line + ")").orElse("");
        return switch (kind) {
            case CHAIN_BROKEN -> "record " + firstSeq + " does not follow from the one before it";
            case RECORDS_MISSING -> records() + " missing" + since;
            case RECORDS_UNCONFIRMED -> records() + " cannot be confirmed" + since
                    + ": the record it anchors is gone";
            case RECORDS_CHANGED -> records() + " changed" + since + ": record " + lastSeq
                    + " no longer has the hash it had";
            case CHECKPOINT_BAD_SIGNATURE -> "checkpoint line " + line + " (record "
                    + checkpoint.map(c -> c.seq() + " at " + c.at()).orElse("?")
                    + ") has no valid signature: the file was edited; records from " + firstSeq + " on are unvouched";
            case CHECKPOINT_UNREADABLE -> "checkpoint line " + line
                    + " cannot be read: the file was cut or edited; records from " + firstSeq + " on are unvouched";
            case CHECKPOINT_OUT_OF_ORDER -> "checkpoint line " + line + " (record "
                    + checkpoint.map(AuditCheckpoint::seq).orElse(0L) + ") comes after a checkpoint of record " + lastSeq
                    + ": " + records() + " were cut off and the chain anchored again, or the lines were reordered";
        };
    }

    private String records() {
        return firstSeq == lastSeq ? "record " + firstSeq : "records " + firstSeq + "–" + lastSeq;
    }
}
