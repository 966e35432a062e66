package certrenewal.adapters.persistence;

import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.domain.account.LoginId;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed pickups per typed login ID. Counting is an update, else an insert (portable where an
 * upsert is not); when two failures race to insert the first row, the loser counts again as an update.
 */
@Singleton
public class JdbcPickupFailuresAdapter implements PickupFailuresPort {
    private final PickupFailureRepository failures;
    private final TransactionOperations<Connection> transactions;

    JdbcPickupFailuresAdapter(PickupFailureRepository failures, TransactionOperations<Connection> transactions) {
        this.failures = failures;
        this.transactions = transactions;
    }

    @Override
    public Optional<PickupFailures> loadFailures(LoginId id) {
        return failures.findById(id.value()).map(row -> new PickupFailures(row.failures(), row.lastFailureAt()));
    }

    @Override
    public void recordFailure(LoginId id, Instant at, Instant countsSince) {
        Instant stored = PersistenceMapper.stored(at);
        Instant since = PersistenceMapper.stored(countsSince);
        try {
            transactions.executeWrite(status -> {
                if (failures.increment(id.value(), stored, since) == 0) {
                    failures.insert(new PickupFailureRepository.PickupFailureRow(id.value(), 1, stored));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            transactions.executeWrite(status -> failures.increment(id.value(), stored, since));
        }
    }

    @Override
    public void clearFailures(LoginId id) {
        failures.delete(id.value());
    }

    @Override
    public int forgetFailuresBefore(Instant before) {
        return Math.toIntExact(failures.deleteLastFailedBefore(PersistenceMapper.stored(before)));
    }
}
