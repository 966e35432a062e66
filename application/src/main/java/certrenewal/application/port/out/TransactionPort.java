package certrenewal.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: everything it stores commits together or not at all. */
public interface TransactionPort {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
