package certrenewal.application.readmodel;

import certrenewal.domain.certificate.CertificateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Certificates counted for the operators' metrics.
 *
 * @param byStatus every status, zero included
 * @param activeExpiringWithin for each horizon asked for, the ACTIVE certificates expiring within it
 * @param asOf the time they were counted for
 */
public record CertificateCounts(Map<CertificateStatus, Long> byStatus, Map<Duration, Long> activeExpiringWithin,
                                Instant asOf) {
    public CertificateCounts {
        byStatus = Map.copyOf(byStatus);
        activeExpiringWithin = Map.copyOf(activeExpiringWithin);
    }
}
