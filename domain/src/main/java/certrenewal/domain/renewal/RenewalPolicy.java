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
 */
public record RenewalPolicy(int windowDays, Duration openTimeout, Duration validity) {
    public static final RenewalPolicy DEFAULT = new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365));

    public RenewalPolicy {
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
}
