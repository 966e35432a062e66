package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ClusterLeasePort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases as rows of {@code cluster_lease}, the same on H2 and PostgreSQL (no advisory locks): a node takes
 * a lease with a conditional update, else, when the task has no row yet, inserts it; of two nodes inserting
 * the first row the primary key lets one win. Each call is a short transaction of its own, never the caller's.
 */
@Singleton
public class JdbcClusterLeaseAdapter implements ClusterLeasePort {
    private final ClusterLeaseRepository leases;
    private final TransactionOperations<Connection> transactions;

    JdbcClusterLeaseAdapter(ClusterLeaseRepository leases, TransactionOperations<Connection> transactions) {
        this.leases = leases;
        this.transactions = transactions;
    }

    @Override
    public boolean tryHold(String task, String node, Instant now, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease must last: " + duration);
        }
        Instant at = PersistenceMapper.stored(now);
        Instant until = PersistenceMapper.stored(now.plus(duration));
        if (transactions.executeWrite(status -> leases.take(task, node, at, until)) == 1) {
            return true;
        }
        try {
            return transactions.executeWrite(status -> {
                if (leases.findById(task).isPresent()) {
                    return false; // another node holds it and it has not expired
                }
                leases.insert(new ClusterLeaseRepository.ClusterLeaseRow(task, node, until, at));
                return true;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false; // another node inserted the first row at the same moment
            }
            throw e;
        }
    }

    @Override
    public void release(String task, String node) {
        transactions.executeWrite(status -> leases.release(task, node));
    }

    @Override
    public Optional<String> holder(String task, Instant now) {
        return transactions.executeRead(status -> leases.findById(task))
                .filter(row -> row.expiresAt().isAfter(now))
                .map(ClusterLeaseRepository.ClusterLeaseRow::holder);
    }
}
