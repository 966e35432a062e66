package certrenewal.application.service;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.TransactionPort;
import java.util.function.Supplier;

/**
 * Runs administrative work in a transaction, again when a concurrent change got in first: each
 * attempt judges afresh what is stored then. Up to three attempts; then the conflict reaches the caller.
 */
final class RetryingTransactions {
    private static final int ATTEMPTS = 3;

    private final TransactionPort transactions;

    RetryingTransactions(TransactionPort transactions) {
        this.transactions = transactions;
    }

    <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
