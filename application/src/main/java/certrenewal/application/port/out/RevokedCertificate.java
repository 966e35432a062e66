package certrenewal.application.port.out;

import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;

/** One entry of the CRL. */
public record RevokedCertificate(SerialNumber serial, Instant revokedAt, RevocationReason reason) {
}
