package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    @Test
    void everyIndexRunsOnceAndWarmUpIsNotCounted() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Measurement m = new LoadRun(4, seen::add).run(10, Duration.ofSeconds(30), 100, Duration.ofSeconds(30));
        assertEquals(110, seen.size());
        assertEquals(100, m.operations());
        assertEquals(100, m.latency().samples());
        assertEquals(4, m.threads());
    }

    @Test
    void failuresAreCountedWithTheFirstMessage() {
        Measurement m = new LoadRun(1, i -> {
            if (i % 2 == 0) {
                throw new IllegalStateException("even " + i);
            }
        }).phase(0, 10, Duration.ofSeconds(30));
        assertEquals(5, m.operations());
        assertEquals(5, m.failures());
        assertEquals("IllegalStateException: even 0", m.firstFailure());
    }

    @Test
    void theTimeLimitEndsAPhaseBeforeItsCount() {
        Measurement m = new LoadRun(2, i -> { }).phase(0, Integer.MAX_VALUE / 2, Duration.ofMillis(50));
        assertTrue(m.operations() < Integer.MAX_VALUE / 2);
        assertTrue(m.seconds() < 5);
    }
}
