package certrenewal.adapters.persistence;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditQueryPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
}
