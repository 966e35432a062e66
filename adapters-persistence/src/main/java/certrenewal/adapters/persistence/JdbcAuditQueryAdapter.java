package certrenewal.adapters.persistence;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditChainEnd;
import certrenewal.application.port.out.AuditQueryPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading the audit trail (after sealing what is pending), newest first, one page at a time, and verifying its hash chain with
 * {@link JdbcAuditTrail}'s check. Filters: actor, action and outcome match exactly, target by
 * prefix; {@code from} is included and {@code to} excluded ({@code from <= at < to}).
 */
@Singleton
public class JdbcAuditQueryAdapter implements AuditQueryPort {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditQueryAdapter.class);
    /** Sequence numbers per {@code IN} list when looking up stored hashes. */
    private static final int HASH_BATCH = 500;
    private static final String RECORDS = "SELECT e.seq, e.\"at\", e.actor, e.action, e.target, e.outcome, e.detail"
            + " FROM audit_entry e";

    private final SqlReads sql;
    private final JdbcAuditTrail trail;

    JdbcAuditQueryAdapter(TransactionOperations<Connection> transactions, JdbcAuditTrail trail) {
        this.sql = new SqlReads(transactions);
        this.trail = trail;
    }

    /**
     * Seals the pending entries first, so that the page shows every committed entry; if sealing
     * fails, the page shows what is sealed (verification, which must cover everything, fails instead).
     */
    @Override
    public SearchPage<AuditRecord> read(AuditFilter filter) {
        try {
            trail.sealPending();
        } catch (RuntimeException e) {
            LOG.warn("Sealing the audit trail before reading it failed; showing the sealed entries: {}", e.toString());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.actor() != null) {
            where.append(" AND e.actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND e.action = ?");
            parameters.add(filter.action());
        }
        if (filter.targetPrefix() != null) {
            where.append(" AND e.target LIKE ? ESCAPE '!'");
            parameters.add(SqlReads.startsWith(filter.targetPrefix()));
        }
        if (filter.outcome() != null) {
            where.append(" AND e.outcome = ?");
            parameters.add(filter.outcome());
        }
        if (filter.from() != null) {
            where.append(" AND e.\"at\" >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND e.\"at\" < ?");
            parameters.add(filter.to());
        }
        String count = "SELECT COUNT(*) FROM audit_entry e" + where;
        String page = RECORDS + where + " ORDER BY e.seq DESC LIMIT ? OFFSET ?";
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(filter.pageSize());
        pageParameters.add((long) filter.page() * filter.pageSize());
        return sql.read(connection -> {
            long total = SqlReads.count(connection, count, parameters);
            List<AuditRecord> rows = SqlReads.list(connection, page, pageParameters,
                    row -> new AuditRecord(row.getLong(1), SqlReads.instant(row, 2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7)));
            return new SearchPage<>(rows, filter.page(), filter.pageSize(), total);
        });
    }

    @Override
    public AuditVerification verify() {
        JdbcAuditTrail.ChainCheck check = trail.checkChain();
        return new AuditVerification(check.entries(), check.firstBroken());
    }

    /**
     * Seals the pending entries first, so that a checkpoint covers every committed entry; if
     * sealing fails, the end of what is sealed (still a true checkpoint, only an older one).
     */
    @Override
    public AuditChainEnd chainEnd() {
        try {
            trail.sealPending();
        } catch (RuntimeException e) {
            LOG.warn("Sealing the audit trail before anchoring it failed; anchoring the sealed entries: {}", e.toString());
        }
        return sql.read(connection -> SqlReads.first(connection,
                "SELECT last_seq, last_hash FROM audit_head WHERE id = " + AuditHeadRow.ID, List.of(),
                row -> new AuditChainEnd(row.getLong(1), row.getString(2))))
                .orElseThrow(() -> new IllegalStateException("audit_head row is missing"));
    }

    /** As stored, not recomputed: {@link #verify()} recomputes them. */
    @Override
    public Map<Long, String> storedHashes(Set<Long> seqs) {
        List<Long> all = new ArrayList<>(seqs);
        Map<Long, String> hashes = new HashMap<>();
        for (int from = 0; from < all.size(); from += HASH_BATCH) {
            List<Long> batch = all.subList(from, Math.min(from + HASH_BATCH, all.size()));
            String query = "SELECT seq, hash FROM audit_entry WHERE seq IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")";
            sql.read(connection -> SqlReads.list(connection, query, batch,
                    row -> Map.entry(row.getLong(1), row.getString(2))))
                    .forEach(entry -> hashes.put(entry.getKey(), entry.getValue()));
        }
        return hashes;
    }
}
