package certrenewal.domain.administration;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a staff account stays locked after {@code maxFailedPasswords} wrong passwords in a row:
 * {@code first} the first time, twice as long each time again, at most {@code max}. A lock that
 * ends by itself cannot be turned into a denial of service against the bank's own staff; the
 * growing back-off keeps guessing slow.
 */
public record StaffLockout(int maxFailedPasswords, Duration first, Duration max) {
    public StaffLockout {
        Objects.requireNonNull(first, "first lock-out must not be null");
        Objects.requireNonNull(max, "max lock-out must not be null");
        if (maxFailedPasswords < 1 || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max failed passwords >= 1 and 0 < first <= max");
        }
    }

    /** The length of the {@code nth} lock-out in a row (1 for the first). */
    public Duration duration(int nth) {
        Duration doubled = first.multipliedBy(1L << Math.min(Math.max(nth - 1, 0), 30));
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
