package certrenewal.adapters.persistence;

import certrenewal.application.port.out.TransactionPort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs work in a transaction of the default data source. Propagation REQUIRED: a nested call
 * joins the outer transaction, so nothing commits before the outermost call returns. Any
 * exception rolls back and reaches the caller unchanged.
 */
@Singleton
public class MicronautTransactionAdapter implements TransactionPort {
    private final TransactionOperations<Connection> transactions;

    MicronautTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work must not be null");
        return transactions.executeWrite(status -> work.get());
    }
}
