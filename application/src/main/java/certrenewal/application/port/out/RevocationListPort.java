package certrenewal.application.port.out;

import java.time.Instant;
import java.util.List;

public interface RevocationListPort {
    /** Revoked or superseded certificates that have not expired at {@code now} (expired ones leave the CRL). */
    List<RevokedCertificate> revokedUnexpired(Instant now);
}
