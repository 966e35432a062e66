package certrenewal.adapters.persistence;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as a hash chain: entry {@code n} stores the hash of entry {@code n-1} and its
 * own hash over that and its fields, so a changed, removed or inserted entry breaks the chain
 * from there on.
 *
 * <p>Appending and chaining are two steps. {@link #append} writes the entry unchained into
 * {@code audit_pending} in the caller's transaction, so it commits or rolls back with the
 * business change and takes no lock that other requests wait for. The sealer then moves
 * committed entries, oldest first, into {@code audit_entry}, assigning sequence numbers and
 * hashes under a lock on the single {@code audit_head} row, so the chain stays linear however
 * many servers seal at once. It runs on one background thread, shortly after each commit that
 * appended; entries a server left when it stopped are sealed by {@link #sealLeftovers()}, which the
 * composition root calls every few seconds on one node of the cluster; reading and verifying the
 * trail seal first, so they always cover every committed entry. Until sealed (well under a second
 * after commit) an entry is protected by the database alone.
 *
 * <p>The hash is a plain SHA-256, not a keyed MAC: it proves the rows are as appended only
 * against someone who cannot rewrite the whole chain and the head together. Against someone who
 * can, the chain's end is anchored outside the database: signed checkpoints, which verification
 * compares with the chain ({@code AuditCheckpointPort}, written through {@link JdbcAuditQueryAdapter#chainEnd()}).
 */
@Singleton
public class JdbcAuditTrail implements AuditTrailPort {
    /** The previous hash of the first entry. */
    static final String GENESIS_HASH = "0".repeat(64);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditTrail.class);
    private static final byte[] DOMAIN = "certrenewal-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int VERIFY_BATCH = 1000;
    private static final int SEAL_BATCH = 500;
    /** Lets the entries of commits close together be sealed in one transaction. */
    private static final Duration SEAL_DELAY = Duration.ofMillis(50);

    private final AuditRepository entries;
    private final AuditPendingRepository pending;
    private final AuditHeadRepository head;
    private final TransactionOperations<Connection> transactions;
    private final ScheduledThreadPoolExecutor sealer = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("audit-sealer").daemon().factory());
    private final AtomicBoolean sealRequested = new AtomicBoolean();
    /** The entries of the transactions under way, until each commits or rolls back. */
    private final Map<Connection, EntriesOfTransaction> appending = new ConcurrentHashMap<>();

    JdbcAuditTrail(AuditRepository entries, AuditPendingRepository pending, AuditHeadRepository head,
                   TransactionOperations<Connection> transactions) {
        this.entries = entries;
        this.pending = pending;
        this.head = head;
        this.transactions = transactions;
        // at shutdown, queued seals are dropped rather than run against a closing pool: the next start seals
        sealer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        sealer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * Joins the caller's transaction if there is one, else runs in its own. The entries of one transaction are
     * inserted together just before it commits, in one round trip (an EST renewal appends two); an insert that fails
     * there rolls the transaction back, as one that failed here would.
     */
    @Override
    public void append(AuditEvent event) {
        transactions.executeWrite(status -> {
            appending.computeIfAbsent(status.getConnection(), connection -> {
                EntriesOfTransaction entries = new EntriesOfTransaction(connection);
                status.registerSynchronization(entries);
                return entries;
            }).events.add(event);
            return null;
        });
    }

    /** What one transaction appended, keyed by its connection (a joined transaction shares it). */
    private final class EntriesOfTransaction implements TransactionSynchronization {
        private final Connection connection;
        private final List<AuditEvent> events = new ArrayList<>();

        EntriesOfTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // plain JDBC on the transaction's own connection: whatever context the commit runs in, the rows go with it
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_pending (at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent event : events) {
                    insert.setObject(1, OffsetDateTime.ofInstant(PersistenceMapper.stored(event.at()), ZoneOffset.UTC));
                    insert.setString(2, event.actor());
                    insert.setString(3, event.action());
                    insert.setString(4, event.target());
                    insert.setString(5, event.outcome());
                    insert.setString(6, event.detail());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot append " + events.size() + " audit entries", e);
            }
        }

        @Override
        public void afterCommit() {
            requestSeal();
        }

        @Override
        public void afterCompletion(Status status) {
            appending.remove(connection);
        }
    }

    /**
     * Chains every committed pending entry now, in the caller's thread.
     *
     * @return how many entries it chained (others may have been sealed meanwhile by another sealer)
     */
    public int sealPending() {
        int sealed = 0;
        int batch;
        do {
            batch = transactions.executeWrite(status -> sealBatch());
            sealed += batch;
        } while (batch == SEAL_BATCH);
        return sealed;
    }

    /** The number of committed entries not yet chained. */
    public long pendingEntries() {
        return transactions.executeRead(status -> pending.countPending());
    }

    private int sealBatch() {
        AuditHeadRow last = head.lockHead();
        // Read after the lock: entries another sealer moved meanwhile are gone from the outbox.
        List<AuditPendingRow> batch = pending.oldest(SEAL_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<AuditEntryRow> chained = new ArrayList<>(batch.size());
        long seq = last.lastSeq();
        String previousHash = last.lastHash();
        for (AuditPendingRow row : batch) {
            seq++;
            String hash = hash(previousHash, seq, row.at(), row.actor(), row.action(), row.target(), row.outcome(), row.detail());
            chained.add(new AuditEntryRow(seq, row.at(), row.actor(), row.action(), row.target(), row.outcome(),
                    row.detail(), previousHash, hash));
            previousHash = hash;
        }
        entries.insertAll(chained);
        if (pending.deleteSealed(batch.stream().map(AuditPendingRow::id).toList()) != batch.size()
                || head.advance(last.lastSeq(), seq, previousHash) != 1) {
            throw new IllegalStateException("the audit outbox or head changed under the sealer's lock");
        }
        return batch.size();
    }

    private void requestSeal() {
        if (sealRequested.compareAndSet(false, true)) {
            try {
                sealer.schedule(this::sealInBackground, SEAL_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                sealRequested.set(false); // shutting down: the next start's sweep seals
            }
        }
    }

    private void sealInBackground() {
        sealRequested.set(false);
        try {
            sealPending();
        } catch (RuntimeException e) {
            // The entries stay in the outbox; the next request or sweep tries again.
            LOG.warn("Sealing the audit trail failed, retrying later: {}", e.toString());
        }
    }

    /**
     * Seals committed entries no seal after their commit took (their server stopped first, or its seal failed).
     * Looks without locking first, so that an idle cluster does not write every few seconds; a failure is logged
     * and left to the next call.
     */
    public void sealLeftovers() {
        try {
            if (pendingEntries() > 0) {
                sealPending();
            }
        } catch (RuntimeException e) {
            LOG.warn("Sealing audit entries left pending failed, retrying later: {}", e.toString());
        }
    }

    /** At shutdown, while the connection pool is still open (beans are destroyed afterwards). */
    @EventListener
    void onShutdown(ShutdownEvent event) throws InterruptedException {
        stopSealing();
    }

    @PreDestroy
    void stopSealing() throws InterruptedException {
        sealer.shutdown();
        sealer.awaitTermination(10, TimeUnit.SECONDS); // a seal under way ends before the pool closes
    }

    /**
     * Seals what is pending, then recomputes the chain up to the head as it is now.
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

    /** {@link #firstBrokenEntry()} and the number of entries it covers, read against the same head, after sealing. */
    ChainCheck checkChain() {
        sealPending();
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
