package certrenewal.domain.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {

    @Test
    void defaultsAreFortyDaysFifteenMinutesOneYear() {
        assertEquals(new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365)), RenewalPolicy.DEFAULT);
    }

    @Test
    void anExpiredCertificateIsRenewableForTheGraceDaysAfterItsExpiryAndNeverWithZero() {
        Instant notAfter = Instant.parse("2026-04-01T09:30:00Z");

        assertEquals(90, RenewalPolicy.DEFAULT.graceDays());
        assertTrue(RenewalPolicy.DEFAULT.renewableAfterExpiry(notAfter, notAfter));
        assertTrue(RenewalPolicy.DEFAULT.renewableAfterExpiry(notAfter, Instant.parse("2026-06-30T09:29:59Z")));
        assertFalse(RenewalPolicy.DEFAULT.renewableAfterExpiry(notAfter, Instant.parse("2026-06-30T09:30:00Z")));
        assertFalse(new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365), 0).renewableAfterExpiry(notAfter, notAfter));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365), -1));
    }

    @Test
    void windowOpensTheConfiguredDaysBeforeExpiry() {
        Instant notAfter = Instant.parse("2026-04-01T09:30:00Z");

        assertEquals(Instant.parse("2026-02-20T09:30:00Z"), RenewalPolicy.DEFAULT.windowOpensAt(notAfter));
        assertEquals(Instant.parse("2026-03-04T09:30:00Z"),
                new RenewalPolicy(28, Duration.ofMinutes(15), Duration.ofDays(365)).windowOpensAt(notAfter));
    }

    @Test
    void windowMustBeAtLeastOneDay() {
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"),
                new RenewalPolicy(1, Duration.ofMinutes(1), Duration.ofDays(2)).windowOpensAt(Instant.parse("2026-04-01T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(0, Duration.ofMinutes(15), Duration.ofDays(365)));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(-1, Duration.ofMinutes(15), Duration.ofDays(365)));
    }

    @Test
    void timeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(40, Duration.ZERO, Duration.ofDays(365)));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(40, Duration.ofMinutes(-1), Duration.ofDays(365)));
        assertThrows(NullPointerException.class, () -> new RenewalPolicy(40, null, Duration.ofDays(365)));
    }

    @Test
    void validityMustBeLongerThanTheWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(40)));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(39)));
        assertThrows(NullPointerException.class, () -> new RenewalPolicy(40, Duration.ofMinutes(15), null));
        assertEquals(Duration.ofDays(40).plusSeconds(1),
                new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(40).plusSeconds(1)).validity());
    }
}
