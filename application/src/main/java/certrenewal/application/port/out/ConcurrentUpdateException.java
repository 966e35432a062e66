package certrenewal.application.port.out;

/** Another request changed the same record first; the caller's transaction is rolled back. */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
