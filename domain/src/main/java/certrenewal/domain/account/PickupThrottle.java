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
 */
public record PickupThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay) {
    public static final PickupThrottle DEFAULT = new PickupThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(15));

    public PickupThrottle {
        Objects.requireNonNull(firstDelay, "first delay must not be null");
        Objects.requireNonNull(maxDelay, "max delay must not be null");
        if (freeAttempts < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("free attempts >= 0 and 0 < first delay <= max delay");
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
}
