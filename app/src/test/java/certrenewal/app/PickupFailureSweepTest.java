package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.domain.account.LoginId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed pickups are counted for any typed login ID, so anyone can add counts: the sweep of the running system deletes
 * those its throttle no longer counts (certrenewal.pickup.forget-after), and keeps the others.
 */
class PickupFailureSweepTest {
    @TempDir
    Path dataDir;

    @Test
    void theSweepDeletesTheCountsQuietForLongerThanTheThrottleRemembersAndKeepsTheOthers() {
        try (EndToEnd system = EndToEnd.start(dataDir)) {
            PickupFailuresPort failures = system.bean(PickupFailuresPort.class);
            Instant now = Instant.now();
            LoginId typedOnceYesterday = new LoginId("typed-once-yesterday");
            LoginId stillTrying = new LoginId("still-trying");
            failures.recordFailure(typedOnceYesterday, now.minus(Duration.ofHours(25)), now.minus(Duration.ofDays(2)));
            failures.recordFailure(stillTrying, now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(2)));

            system.bean(PickupFailureSweeper.class).sweep();

            assertEquals(Optional.empty(), failures.loadFailures(typedOnceYesterday));
            assertEquals(1, failures.loadFailures(stillTrying).orElseThrow().count());
        }
    }

    @Test
    void aForgetAfterNoLongerThanTheLongestWaitStopsTheStart() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> EndToEnd.start(dataDir,
                Map.of("certrenewal.pickup.forget-after", "15m")).close());

        assertTrue(causes(refused).contains("certrenewal.pickup: forget after must be longer than the max delay"),
                causes(refused));
    }

    private static String causes(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
