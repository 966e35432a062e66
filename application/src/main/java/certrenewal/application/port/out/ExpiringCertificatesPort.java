package certrenewal.application.port.out;

import certrenewal.application.readmodel.ExpiringCertificate;
import java.time.Instant;
import java.util.List;

/** Reads the ACTIVE certificates about to expire, with their contracts and last notices (the console's inventory). */
public interface ExpiringCertificatesPort {

    /**
     * At most {@code limit} ACTIVE certificates with {@code now < notAfter <= until}, ordered by contract number,
     * notAfter, login ID.
     */
    List<ExpiringCertificate> expiringBetween(Instant now, Instant until, int limit);
}
