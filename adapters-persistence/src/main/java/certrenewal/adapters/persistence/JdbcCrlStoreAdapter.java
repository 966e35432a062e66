package certrenewal.adapters.persistence;

import certrenewal.application.port.out.CrlStorePort;
import certrenewal.application.port.out.StoredCrl;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The signed CRLs in table {@code crl} (Flyway V8). A publication holds the lock on the single row of
 * {@code crl_publication} for its transaction, so nodes sign one after another, each seeing what the one before
 * stored; the primary key on the CRL number refuses a number twice regardless. The CRL before the newest is kept
 * (a node may be reading it), older ones are deleted.
 */
@Singleton
public class JdbcCrlStoreAdapter implements CrlStorePort {
    private static final String NEWEST_HEADER = """
            SELECT crl_number, this_update, next_update FROM crl ORDER BY crl_number DESC LIMIT 1""";
    private static final String NEWEST = """
            SELECT crl_number, this_update, next_update, der FROM crl ORDER BY crl_number DESC LIMIT 1""";
    private static final String LOCK = "SELECT id FROM crl_publication WHERE id = 1 FOR UPDATE";
    private static final String INSERT = "INSERT INTO crl (crl_number, this_update, next_update, der) VALUES (?, ?, ?, ?)";
    private static final String DELETE_OLDER = "DELETE FROM crl WHERE crl_number < ?";

    private final TransactionOperations<Connection> transactions;
    private final SqlReads sql;

    JdbcCrlStoreAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.sql = new SqlReads(transactions);
    }

    @Override
    public Optional<StoredCrl.Header> newestHeader() {
        return sql.read(connection -> SqlReads.first(connection, NEWEST_HEADER, List.of(),
                row -> new StoredCrl.Header(row.getLong(1), SqlReads.instant(row, 2), SqlReads.instant(row, 3))));
    }

    @Override
    public Optional<StoredCrl> newest() {
        return sql.read(connection -> SqlReads.first(connection, NEWEST, List.of(),
                row -> new StoredCrl(row.getLong(1), SqlReads.instant(row, 2), SqlReads.instant(row, 3),
                        row.getBytes(4))));
    }

    /** A transaction of its own: called after another has committed (a revocation's), never joining one. */
    @Override
    public Optional<StoredCrl> publishExclusively(Function<Optional<StoredCrl.Header>, Optional<StoredCrl>> publication) {
        Objects.requireNonNull(publication, "publication must not be null");
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            Connection connection = status.getConnection();
            try {
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.executeQuery().close();
                }
                Optional<StoredCrl.Header> newest = newestHeader();
                Optional<StoredCrl> crl = publication.apply(newest);
                if (crl.isPresent()) {
                    StoredCrl stored = crl.get();
                    if (newest.isPresent() && stored.number() <= newest.get().number()) {
                        throw new IllegalArgumentException("CRL number " + stored.number()
                                + " is not above the newest stored, " + newest.get().number());
                    }
                    insert(connection, stored);
                    if (newest.isPresent()) {
                        try (PreparedStatement delete = connection.prepareStatement(DELETE_OLDER)) {
                            delete.setLong(1, newest.get().number());
                            delete.executeUpdate();
                        }
                    }
                }
                return crl;
            } catch (SQLException e) {
                throw new DataAccessException("storing the CRL failed: " + e.getMessage(), e);
            }
        });
    }

    private static void insert(Connection connection, StoredCrl crl) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, crl.number());
            insert.setObject(2, OffsetDateTime.ofInstant(crl.thisUpdate(), ZoneOffset.UTC));
            insert.setObject(3, OffsetDateTime.ofInstant(crl.nextUpdate(), ZoneOffset.UTC));
            insert.setBytes(4, crl.der());
            insert.executeUpdate();
        }
    }
}
