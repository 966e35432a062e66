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
 * @param noticesPerDay the expiry notices and digests of the last 7 days, oldest first
 * @param asOf when they were counted
 */
public record DashboardFigures(Map<CertificateStatus, Long> certificatesByStatus, List<WeekCount> expiringPerWeek,
                               List<DayRenewals> renewalsPerDay, List<DayNotices> noticesPerDay, Instant asOf) {

    /** Without notice figures (where none are counted). */
    public DashboardFigures(Map<CertificateStatus, Long> certificatesByStatus, List<WeekCount> expiringPerWeek,
                            List<DayRenewals> renewalsPerDay, Instant asOf) {
        this(certificatesByStatus, expiringPerWeek, renewalsPerDay, List.of(), asOf);
    }

    public record WeekCount(LocalDate weekStart, long certificates) {
    }

    /** Renewals started that day, and those that ended that day as completed (issued or confirmed), abandoned or failed. */
    public record DayRenewals(LocalDate day, long started, long completed, long abandoned, long failed) {
    }

    /**
     * The notice queue's day: notices queued that day, sent that day, and given up that day (FAILED after the last
     * attempt, counted on the day that attempt fell due).
     */
    public record DayNotices(LocalDate day, long queued, long sent, long failed) {
    }
}
