package certrenewal.application.port.out;

import certrenewal.application.readmodel.CertificateCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only figures for operating the system (health checks and metrics), computed by the database. */
public interface OperationsQueryPort {

    /** A round trip to the database. @throws RuntimeException when it does not answer */
    void ping();

    /**
     * Certificates by status as of {@code now} (an ACTIVE one past its notAfter counts as EXPIRED), and the ACTIVE
     * ones not yet expired whose notAfter falls within each of {@code horizons} from {@code now}.
     */
    CertificateCounts certificateCounts(Instant now, List<Duration> horizons);

    /** When the oldest audit entry still waiting to be chained (committed into the outbox) was recorded; empty if none. */
    Optional<Instant> oldestUnsealedAuditEntry();
}
