package certrenewal.application.port.in;

import certrenewal.domain.Rejection;
import java.util.Objects;

/** A request refused for a reason the user can read; nothing was changed by it. */
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
