package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SettledWarmUpTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void endsAfterTheFirstRoundInWhichTheCompilersWereQuiet() {
        // a "server" whose compiler works for its first 250 requests, 1 s of CPU each (far over any share)
        AtomicLong compiled = new AtomicLong();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        LoadRun load = new LoadRun(2, i -> {
            seen.add(i);
            if (i < 250) {
                compiled.addAndGet(1_000_000_000L);
            }
        });
        SettledWarmUp.Outcome outcome = SettledWarmUp.run(load, 1000, 100, LIMIT, compiled::get);
        assertTrue(outcome.settled());
        assertEquals(4, outcome.rounds(), "rounds 1-3 compiled, round 4 was quiet");
        assertEquals(400, outcome.used());
        assertEquals(400, seen.size(), "each index ran once, from 0");
        assertEquals(100, outcome.firstRound().operations());
    }

    @Test
    void usesEveryIndexSetAsideAndSaysSoWhenTheCompilersNeverSettle() {
        AtomicLong compiled = new AtomicLong();
        LoadRun load = new LoadRun(2, i -> compiled.addAndGet(1_000_000_000L));
        SettledWarmUp.Outcome outcome = SettledWarmUp.run(load, 250, 100, LIMIT, compiled::get);
        assertFalse(outcome.settled());
        assertEquals(250, outcome.used());
        assertEquals(3, outcome.rounds());
        assertTrue(outcome.describe().contains("NOT settled"), outcome.describe());
    }

    @Test
    void aFailedWarmUpRequestFailsTheRun() {
        LoadRun load = new LoadRun(1, i -> {
            if (i == 3) {
                throw new IllegalStateException("HTTP 500");
            }
        });
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> SettledWarmUp.run(load, 100, 10, LIMIT, () -> 0));
        assertTrue(failed.getMessage().contains("HTTP 500"), failed.getMessage());
    }
}
