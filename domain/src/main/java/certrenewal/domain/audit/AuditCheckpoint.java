package certrenewal.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A statement, signed with a key the database does not hold and kept outside it, that the audit
 * chain once ended at record {@code seq} with {@code hash}: whoever shortens or rewrites the chain
 * afterwards cannot make it agree with the statement again.
 *
 * @param seq  the sequence number of the last record the chain had
 * @param hash that record's chain hash (SHA-256, 64 lower-case hex digits)
 * @param at   when the checkpoint was written
 */
public record AuditCheckpoint(long seq, String hash, Instant at) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditCheckpoint {
        if (seq < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least record 1, not " + seq);
        }
        Objects.requireNonNull(hash, "hash must not be null");
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("a checkpoint's hash is 64 lower-case hex digits");
        }
        Objects.requireNonNull(at, "time must not be null");
    }

    /** Whether the chain still ends here: same record, same hash (the time does not matter). */
    public boolean anchors(long lastSeq, String lastHash) {
        return seq == lastSeq && hash.equals(lastHash);
    }
}
