package certrenewal.application.readmodel;

import certrenewal.domain.certificate.CertificateStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The console's dashboard.
 *
 * @param certificatesByStatus every status, zero included
 * @param expiringPerWeek the next 16 weeks, oldest first, ACTIVE certificates whose notAfter falls in the week
 * @param renewalsPerDay the last 30 days, oldest first
 * @param asOf when they were counted
 */
public record DashboardFigures(Map<CertificateStatus, Long> certificatesByStatus, List<WeekCount> expiringPerWeek,
                               List<DayRenewals> renewalsPerDay, Instant asOf) {

    public record WeekCount(LocalDate weekStart, long certificates) {
    }

    /** Renewals started that day, and those that ended that day as completed (issued or confirmed), abandoned or failed. */
    public record DayRenewals(LocalDate day, long started, long completed, long abandoned, long failed) {
    }
}
