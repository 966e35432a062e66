package certrenewal.domain.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which expiry notice a certificate is due at a moment (the bank's rule): one at each configured number of days
 * before expiry (40 and 10 by default) and one on expiry while renewal after expiry is still possible (the grace
 * period). Only the most recent notice due is sent: a certificate 30 days from expiry that had none gets the 40-day
 * one, and one 9 days from expiry that had none gets only the 10-day one. Nothing is due for a certificate that is
 * revoked or superseded, or whose login ID holds a newer one (its successor was issued).
 */
public final class ExpiryNoticeSchedule {
    private static final Duration DAY = Duration.ofDays(1);
    private final TreeSet<Integer> offsets;
    private final int graceDays;

    /**
     * @param offsetDays days before expiry at which a notice is sent, each 1..366; may be empty (then only the notice
     *     on expiry)
     * @param graceDays days after expiry during which the certificate can still be renewed; 0: no notice on expiry
     */
    public ExpiryNoticeSchedule(List<Integer> offsetDays, int graceDays) {
        Objects.requireNonNull(offsetDays, "offsets must not be null");
        this.offsets = new TreeSet<>();
        for (Integer days : offsetDays) {
            this.offsets.add(ExpiryNotice.before(Objects.requireNonNull(days, "offset must not be null")).daysBefore());
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace days must not be negative: " + graceDays);
        }
        this.graceDays = graceDays;
    }

    /** What the rule looks at of one certificate. */
    public record Subject(Instant notAfter, boolean active, boolean currentOfItsId) {
        public Subject {
            Objects.requireNonNull(notAfter, "notAfter must not be null");
        }
    }

    /**
     * The notice due for {@code certificate} at {@code now}, or empty when none is due or the one due was sent (or
     * queued) already, or a later one was.
     *
     * @param alreadyQueued the notices of this certificate in the queue, whatever their state
     */
    public Optional<ExpiryNotice> dueAt(Subject certificate, Instant now, Set<ExpiryNotice> alreadyQueued) {
        if (!certificate.active() || !certificate.currentOfItsId()) {
            return Optional.empty();
        }
        Optional<ExpiryNotice> due = mostRecentDue(certificate.notAfter(), now);
        if (due.isEmpty()) {
            return due;
        }
        int daysBefore = due.get().daysBefore();
        boolean thisOrLaterQueued = alreadyQueued.stream().anyMatch(sent -> sent.daysBefore() <= daysBefore);
        return thisOrLaterQueued ? Optional.empty() : due;
    }

    /**
     * Whether the certificate belongs in its administrator's digest at {@code now}: still its ID's and not revoked,
     * and expiring within the largest offset, or expired but still renewable.
     */
    public boolean inDigestAt(Subject certificate, Instant now) {
        return certificate.active() && certificate.currentOfItsId() && mostRecentDue(certificate.notAfter(), now).isPresent();
    }

    private Optional<ExpiryNotice> mostRecentDue(Instant notAfter, Instant now) {
        if (!now.isBefore(notAfter)) {
            boolean inGrace = now.isBefore(notAfter.plus(DAY.multipliedBy(graceDays)));
            return inGrace ? Optional.of(ExpiryNotice.ON_EXPIRY) : Optional.empty();
        }
        Integer offset = offsets.ceiling(daysLeft(notAfter, now));
        return offset == null ? Optional.empty() : Optional.of(ExpiryNotice.before(offset));
    }

    /** Whole days left before {@code notAfter}, counting a part of a day as a day (29 days 23 hours: 30). */
    public static int daysLeft(Instant notAfter, Instant now) {
        if (!now.isBefore(notAfter)) {
            return 0;
        }
        Duration left = Duration.between(now, notAfter);
        long days = left.toDays();
        return (int) (left.equals(DAY.multipliedBy(days)) ? days : days + 1);
    }

    /** How far ahead of expiry a certificate may be due a notice: the largest offset (none: 0). */
    public Duration horizon() {
        return offsets.isEmpty() ? Duration.ZERO : DAY.multipliedBy(offsets.last());
    }

    /** How long after expiry a certificate may still be due its notice on expiry. */
    public Duration grace() {
        return DAY.multipliedBy(graceDays);
    }

    public Set<Integer> offsets() {
        return Set.copyOf(offsets);
    }
}
