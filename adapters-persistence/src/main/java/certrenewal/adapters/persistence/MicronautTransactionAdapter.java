package certrenewal.adapters.persistence;

import certrenewal.application.port.out.TransactionPort;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs work in a transaction of the default data source. Propagation REQUIRED: a nested call
 * joins the outer transaction, so nothing commits before the outermost call returns. Any
 * exception rolls back and reaches the caller unchanged.
 */
@Singleton
public class MicronautTransactionAdapter implements TransactionPort {
    private final TransactionOperations<Connection> transactions;
    /** The after-commit actions registered in this thread's transaction, so that each is registered once. */
    private final ThreadLocal<Set<Runnable>> registered = ThreadLocal.withInitial(HashSet::new);

    MicronautTransactionAdapter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work must not be null");
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action must not be null");
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("afterCommit outside a transaction"));
        Set<Runnable> actions = registered.get();
        if (!actions.add(action)) {
            return;
        }
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // outside the committed transaction's context: a transaction the action opens gets a connection of
                // its own rather than the one still bound here (PostgreSQL refused the CRL's publication lock on it
                // as read-only after some requests)
                try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
                    action.run();
                }
            }

            @Override
            public void afterCompletion(Status completion) {
                actions.remove(action);
            }
        });
    }
}
