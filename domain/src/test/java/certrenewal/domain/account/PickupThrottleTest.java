package certrenewal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PickupThrottleTest {
    private static final Instant LAST = Instant.parse("2026-12-01T09:00:00Z");
    private static final PickupThrottle THROTTLE = PickupThrottle.DEFAULT;

    @Test
    void theFreeAttemptsWaitForNothingThenTheDelayDoublesUpToItsMaximum() {
        assertEquals(Optional.empty(), THROTTLE.waitUntil(3, LAST));
        assertEquals(Optional.of(LAST.plusSeconds(30)), THROTTLE.waitUntil(4, LAST));
        assertEquals(Optional.of(LAST.plusSeconds(60)), THROTTLE.waitUntil(5, LAST));
        assertEquals(Optional.of(LAST.plus(Duration.ofMinutes(15))), THROTTLE.waitUntil(40, LAST));
    }

    @Test
    void aCountStillCountsUntilItsLastFailureIsADayOld() {
        assertTrue(THROTTLE.stillCounts(LAST, LAST.plus(Duration.ofHours(24))));
        assertFalse(THROTTLE.stillCounts(LAST, LAST.plus(Duration.ofHours(24)).plusMillis(1)));
        assertEquals(LAST, THROTTLE.forgetBefore(LAST.plus(Duration.ofHours(24))));
    }

    @Test
    void nothingIsForgottenWhileTheIdMayStillHaveToWait() {
        assertThrows(IllegalArgumentException.class, () -> new PickupThrottle(3, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofMinutes(15)));
        assertThrows(NullPointerException.class, () -> new PickupThrottle(3, Duration.ofSeconds(30),
                Duration.ofMinutes(15), null));
    }
}
