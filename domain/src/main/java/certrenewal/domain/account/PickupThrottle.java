package certrenewal.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * 証明書取得 is asked for without a certificate, so its failures must not lock the ID's login (an
 * attacker could lock out any customer) yet must not let anyone guess passwords at leisure: after
 * {@code freeAttempts} failures in a row for a login ID, each further attempt has to wait, twice as
 * long after every failure, from {@code firstDelay} up to {@code maxDelay}.
 *
 * <p>Failures are counted for every typed login ID, known or not, so that the answers tell nothing of which IDs
 * exist; anyone can therefore add counts. A count whose last failure is {@code forgetAfter} old no longer counts,
 * and may be deleted, so that they do not pile up for ever. Forgetting gives a guesser who stayed quiet that long
 * its free attempts again: at the default, three more guesses a day than one who keeps trying at the longest delay,
 * who gets 96.
 */
public record PickupThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
    public static final PickupThrottle DEFAULT = new PickupThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(24));

    public PickupThrottle {
        Objects.requireNonNull(firstDelay, "first delay must not be null");
        Objects.requireNonNull(maxDelay, "max delay must not be null");
        Objects.requireNonNull(forgetAfter, "forget after must not be null");
        if (freeAttempts < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("free attempts >= 0 and 0 < first delay <= max delay");
        }
        if (forgetAfter.compareTo(maxDelay) <= 0) {
            // else a count could be forgotten while its ID still had to wait, and start again with free attempts
            throw new IllegalArgumentException("forget after must be longer than the max delay");
        }
    }

    /** Until when the next attempt must wait after {@code failures} failures in a row, the last at {@code last}. */
    public Optional<Instant> waitUntil(int failures, Instant last) {
        if (failures <= freeAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - freeAttempts - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return Optional.of(last.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
    }

    /** Counts whose last failure is before this no longer count at {@code now}. */
    public Instant forgetBefore(Instant now) {
        return now.minus(forgetAfter);
    }

    /** Whether failures whose last one was at {@code last} still count at {@code now}. */
    public boolean stillCounts(Instant last, Instant now) {
        return !last.isBefore(forgetBefore(now));
    }
}
