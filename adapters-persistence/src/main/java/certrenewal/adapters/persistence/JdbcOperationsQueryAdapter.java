package certrenewal.adapters.persistence;

import certrenewal.application.port.out.OperationsQueryPort;
import certrenewal.application.readmodel.CertificateCounts;
import certrenewal.domain.certificate.CertificateStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' figures (health checks, metrics), counted by the database. EXPIRED is derived as in
 * {@link JdbcConsoleQueryAdapter}: a stored ACTIVE certificate with {@code not_after <= now}.
 */
@Singleton
public class JdbcOperationsQueryAdapter implements OperationsQueryPort {
    private final SqlReads sql;

    JdbcOperationsQueryAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    @Override
    public void ping() {
        sql.read(connection -> SqlReads.count(connection, "SELECT 1", List.of()));
    }

    @Override
    public CertificateCounts certificateCounts(Instant now, List<Duration> horizons) {
        return sql.read(connection -> new CertificateCounts(byStatus(connection, now),
                expiringWithin(connection, now, horizons), now));
    }

    private static Map<CertificateStatus, Long> byStatus(Connection connection, Instant now) throws SQLException {
        Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus status : CertificateStatus.values()) {
            counts.put(status, 0L);
        }
        SqlReads.list(connection, """
                SELECT status, COUNT(*), SUM(CASE WHEN not_after <= ? THEN 1 ELSE 0 END)
                  FROM certificate
                 GROUP BY status""", List.of(now), row -> {
            CertificateStatus stored = CertificateStatus.valueOf(row.getString(1));
            long all = row.getLong(2);
            long expired = row.getLong(3);
            if (stored == CertificateStatus.ACTIVE) {
                counts.merge(CertificateStatus.ACTIVE, all - expired, Long::sum);
                counts.merge(CertificateStatus.EXPIRED, expired, Long::sum);
            } else {
                counts.merge(stored, all, Long::sum);
            }
            return null;
        });
        return counts;
    }

    /** One row: a SUM per horizon over the ACTIVE certificates not yet expired. */
    private static Map<Duration, Long> expiringWithin(Connection connection, Instant now, List<Duration> horizons)
            throws SQLException {
        Map<Duration, Long> counts = new LinkedHashMap<>();
        if (horizons.isEmpty()) {
            return counts;
        }
        StringBuilder select = new StringBuilder("SELECT ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < horizons.size(); i++) {
            select.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN not_after <= ? THEN 1 ELSE 0 END)");
            parameters.add(now.plus(horizons.get(i)));
        }
        select.append(" FROM certificate WHERE status = 'ACTIVE' AND not_after > ?");
        parameters.add(now);
        SqlReads.list(connection, select.toString(), parameters, row -> {
            for (int i = 0; i < horizons.size(); i++) {
                counts.put(horizons.get(i), row.getLong(i + 1)); // SUM over no rows is NULL: getLong gives 0
            }
            return null;
        });
        return counts;
    }

    @Override
    public Optional<Instant> oldestUnsealedAuditEntry() {
        // MIN over no rows is one row holding NULL
        return sql.read(connection -> SqlReads.list(connection, "SELECT MIN(at) FROM audit_pending", List.of(),
                row -> Optional.ofNullable(SqlReads.instant(row, 1)))).stream().flatMap(Optional::stream).findFirst();
    }
}
