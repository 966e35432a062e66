package certrenewal.adapters.web.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void capacityAtOnceThenOneMorePerShareOfTheWindow() {
        TokenBuckets buckets = new TokenBuckets(10, Duration.ofMinutes(1), 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), buckets.take("id"));
        }
        Duration wait = buckets.take("id").orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(6)) <= 0 && wait.compareTo(Duration.ofSeconds(5)) > 0, wait::toString);
        assertEquals(Optional.empty(), buckets.take("other"));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(Optional.empty(), buckets.take("id"));
        assertTrue(buckets.take("id").isPresent());
    }

    @Test
    void randomKeysCannotGrowItPastItsBound() {
        TokenBuckets buckets = new TokenBuckets(1, Duration.ofMinutes(1), 1000, now::get);
        for (int i = 0; i < 100_000; i++) {
            buckets.take("random-" + i);
        }
        assertEquals(1000, buckets.size());
    }
}
