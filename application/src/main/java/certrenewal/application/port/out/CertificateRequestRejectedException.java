package certrenewal.application.port.out;

import certrenewal.domain.Rejection;
import java.util.Objects;

/** The certificate authority will not certify a request: unreadable, badly signed, or a key it does not accept. */
public class CertificateRequestRejectedException extends RuntimeException {
    private final transient Rejection rejection;

    public CertificateRequestRejectedException(Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection must not be null").message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
