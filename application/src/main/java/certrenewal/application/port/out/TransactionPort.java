package certrenewal.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: everything it stores commits together or not at all. */
public interface TransactionPort {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction has committed, and never if it rolls back.
     * Registering the same action again in one transaction runs it once. Must be called inside
     * {@link #inTransaction}; the action must not throw.
     */
    void afterCommit(Runnable action);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
