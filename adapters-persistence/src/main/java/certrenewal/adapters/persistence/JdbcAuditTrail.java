package certrenewal.adapters.persistence;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail as a hash chain: entry {@code n} stores the hash of entry {@code n-1} and its
 * own hash over that and its fields, so a changed, removed or inserted entry breaks the chain
 * from there on. Appends lock the single {@code audit_head} row until the caller's transaction
 * ends, so the chain stays linear however many requests append at once; a rolled-back
 * transaction leaves neither its entries nor a gap.
 *
 * <p>The hash is a plain SHA-256, not a keyed MAC: it proves the rows are as appended only
 * against someone who cannot rewrite the whole chain and the head together.
 */
@Singleton
public class JdbcAuditTrail implements AuditTrailPort {
    /** The previous hash of the first entry. */
    static final String GENESIS_HASH = "0".repeat(64);

    private static final byte[] DOMAIN = "certrenewal-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository entries;
    private final AuditHeadRepository head;
    private final TransactionOperations<Connection> transactions;

    JdbcAuditTrail(AuditRepository entries, AuditHeadRepository head, TransactionOperations<Connection> transactions) {
        this.entries = entries;
        this.head = head;
        this.transactions = transactions;
    }

    /**
     * Joins the caller's transaction if there is one, else runs in its own.
     *
     * @throws certrenewal.application.port.out.ConcurrentUpdateException if the database chose
     *         this transaction as a deadlock victim (it waited for the head while holding a row
     *         that the head's holder needs)
     */
    @Override
    public void append(AuditEvent event) {
        try {
            appendLocked(event);
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "audit entry " + event.action());
        }
    }

    private void appendLocked(AuditEvent event) {
        Instant at = PersistenceMapper.stored(event.at());
        transactions.executeWrite(status -> {
            AuditHeadRow last = head.lockHead();
            long seq = last.lastSeq() + 1;
            String hash = hash(last.lastHash(), seq, at, event.actor(), event.action(), event.target(),
                    event.outcome(), event.detail());
            entries.insert(new AuditEntryRow(seq, at, event.actor(), event.action(), event.target(),
                    event.outcome(), event.detail(), last.lastHash(), hash));
            if (head.advance(last.lastSeq(), seq, hash) != 1) {
                throw new IllegalStateException("audit head moved while locked");
            }
            return null;
        });
    }

    /**
     * Recomputes the chain up to the head as it is now.
     *
     * @return the sequence number of the first entry that is missing, out of place or not what was
     *         appended (a changed entry, or the one after a removed entry), or empty if the chain
     *         is intact
     */
    public Optional<Long> firstBrokenEntry() {
        return checkChain().firstBroken();
    }

    /**
     * The result of {@link #checkChain()}.
     *
     * @param entries the rows up to the head (those appended behind the adapter's back included,
     *                those removed not)
     */
    record ChainCheck(long entries, Optional<Long> firstBroken) {
    }

    /** {@link #firstBrokenEntry()} and the number of entries it covers, read against the same head. */
    ChainCheck checkChain() {
        return transactions.executeRead(status -> {
            // Entries up to the head are committed together with it; later ones may still be arriving.
            AuditHeadRow end = head.findById(AuditHeadRow.ID)
                    .orElseThrow(() -> new IllegalStateException("audit_head row is missing"));
            return new ChainCheck(entries.countUpTo(end.lastSeq()), firstBrokenUpTo(end));
        });
    }

    private Optional<Long> firstBrokenUpTo(AuditHeadRow end) {
        long expectedSeq = 1;
        String previousHash = GENESIS_HASH;
        while (expectedSeq <= end.lastSeq()) {
            List<AuditEntryRow> batch = entries.findRange(expectedSeq - 1, end.lastSeq(), VERIFY_BATCH);
            if (batch.isEmpty()) {
                return Optional.of(expectedSeq); // the tail is missing
            }
            for (AuditEntryRow row : batch) {
                if (row.seq() != expectedSeq || !row.prevHash().equals(previousHash)
                        || !row.hash().equals(hash(previousHash, row))) {
                    return Optional.of(row.seq());
                }
                previousHash = row.hash();
                expectedSeq++;
            }
        }
        return end.lastHash().equals(previousHash) ? Optional.empty() : Optional.of(end.lastSeq());
    }

    private static String hash(String previousHash, AuditEntryRow row) {
        return hash(previousHash, row.seq(), row.at(), row.actor(), row.action(), row.target(), row.outcome(), row.detail());
    }

    /**
     * SHA-256 over a fixed encoding: a version tag, the previous hash (64 hex characters), seq
     * (8 bytes), the time as epoch seconds (8 bytes) and nanoseconds (4 bytes), then actor,
     * action, target, outcome and detail, each as its UTF-8 length (4 bytes) and bytes; all
     * integers big-endian. Length prefixes keep field boundaries unambiguous.
     */
    static String hash(String previousHash, long seq, Instant at, String actor, String action, String target,
                       String outcome, String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(DOMAIN);
        out.writeBytes(previousHash.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(20).putLong(seq).putLong(at.getEpochSecond()).putInt(at.getNano()).array());
        for (String field : new String[] {actor, action, target, outcome, detail}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
