package certrenewal.application.port.in;

import certrenewal.domain.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused for a reason the user can read. No certificate was issued by it; at most the
 * refusal itself was recorded (an audit entry, and a renewal that was under way ends as FAILED).
 */
public class RequestRefusedException extends RuntimeException {
    private final transient Rejection rejection;
    private final transient Instant retryAt;

    public RequestRefusedException(Rejection rejection) {
        this(rejection, null);
    }

    /** @param retryAt when the same request may succeed (a limit that runs out), or null */
    public RequestRefusedException(Rejection rejection, Instant retryAt) {
        super(Objects.requireNonNull(rejection, "rejection must not be null").message());
        this.rejection = rejection;
        this.retryAt = retryAt;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** When the same request may succeed, for a refusal by a limit that runs out (HTTP Retry-After). */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
