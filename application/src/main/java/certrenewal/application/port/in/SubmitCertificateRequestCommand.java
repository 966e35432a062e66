package certrenewal.application.port.in;

import certrenewal.domain.renewal.RenewalId;
import java.util.Objects;

/** The customer's PKCS#10 request for a renewal that awaits its key. */
public record SubmitCertificateRequestCommand(RenewalId renewal, AuthenticatedId who, byte[] pkcs10Der) {
    public SubmitCertificateRequestCommand {
        Objects.requireNonNull(renewal, "renewal must not be null");
        Objects.requireNonNull(who, "who must not be null");
        Objects.requireNonNull(pkcs10Der, "request must not be null");
        pkcs10Der = pkcs10Der.clone();
    }
}
