package certrenewal.application.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * The certificates expiring within {@code days} of {@code asOf}, by contract number, then expiry, then login ID.
 *
 * @param truncated whether more expire in the window than the {@code rows} asked for
 */
public record ExpiringCertificates(int days, Instant asOf, List<ExpiringCertificate> rows, boolean truncated) {
    public ExpiringCertificates {
        rows = List.copyOf(rows);
    }
}
