package certrenewal.domain.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bank's renewal settings.
 *
 * @param windowDays the renewal window opens this many days before the current certificate expires
 * @param openTimeout a started renewal that gets no key request within this time is abandoned
 * @param validity how long a new certificate is valid
 * @param graceDays for this many days after it expired, the ID's current certificate (not revoked, not superseded)
 *                  may still renew itself, and nothing else; 0: an expired certificate is re-issued, never renewed
 */
public record RenewalPolicy(int windowDays, Duration openTimeout, Duration validity, int graceDays) {
    /** The grace period after expiry when none is configured. */
    public static final int DEFAULT_GRACE_DAYS = 90;

    public static final RenewalPolicy DEFAULT = new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365));

    /** With the default grace period after expiry. */
    public RenewalPolicy(int windowDays, Duration openTimeout, Duration validity) {
        this(windowDays, openTimeout, validity, DEFAULT_GRACE_DAYS);
    }

    public RenewalPolicy {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace period must not be negative");
        }
        Objects.requireNonNull(openTimeout, "open timeout must not be null");
        Objects.requireNonNull(validity, "validity must not be null");
        if (windowDays < 1) {
            throw new IllegalArgumentException("renewal window must be at least one day");
        }
        if (openTimeout.isNegative() || openTimeout.isZero()) {
            throw new IllegalArgumentException("open timeout must be positive");
        }
        if (validity.compareTo(Duration.ofDays(windowDays)) <= 0) {
            throw new IllegalArgumentException("validity must be longer than the renewal window");
        }
    }

    public Instant windowOpensAt(Instant notAfter) {
        return notAfter.minus(Duration.ofDays(windowDays));
    }

    /**
     * Whether a certificate that expired at {@code notAfter} may still be renewed at {@code now}: within
     * {@link #graceDays} after its expiry (never when the grace period is 0).
     */
    public boolean renewableAfterExpiry(Instant notAfter, Instant now) {
        return graceDays > 0 && now.isBefore(notAfter.plus(Duration.ofDays(graceDays)));
    }
}
