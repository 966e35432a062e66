package certrenewal.adapters.persistence;

import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The CRL's entries: revoked and superseded certificates still within their validity
 * ({@code not_after > now}; at {@code not_after} a certificate has expired, as
 * {@code Certificate.statusAt} says), oldest revocation first. On PostgreSQL a partial index
 * holds exactly these rows in this order with every column read (Flyway V4), so the read touches
 * no table rows; on H2 the (status, not_after DESC, serial DESC) index of V2 serves.
 */
@Singleton
public class JdbcRevocationListAdapter implements RevocationListPort {
    private static final String REVOKED_UNEXPIRED = """
            SELECT serial, revoked_at, revocation_reason
              FROM certificate
             WHERE status IN ('REVOKED', 'SUPERSEDED') AND not_after > ?
             ORDER BY revoked_at, serial""";

    private final SqlReads sql;

    JdbcRevocationListAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    @Override
    public List<RevokedCertificate> revokedUnexpired(Instant now) {
        return sql.read(connection -> SqlReads.list(connection, REVOKED_UNEXPIRED, List.of(now),
                row -> new RevokedCertificate(SerialNumber.ofHex(row.getString(1)), SqlReads.instant(row, 2),
                        RevocationReason.valueOf(row.getString(3)))));
    }
}
