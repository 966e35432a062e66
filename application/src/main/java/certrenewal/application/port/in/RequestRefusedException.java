package certrenewal.application.port.in;

import certrenewal.domain.Rejection;
import java.util.Objects;

/**
 * A request refused for a reason the user can read. No certificate was issued by it; at most the
 * refusal itself was recorded (an audit entry, and a renewal that was under way ends as FAILED).
 */
public class RequestRefusedException extends RuntimeException {
    private final transient Rejection rejection;

    public RequestRefusedException(Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection must not be null").message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
