package certrenewal.adapters.web.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: {@code capacity} attempts at once, refilled evenly over {@code window}. In memory on
 * this node only, and bounded: past {@code maxKeys} the least recently used bucket is forgotten, so that keys made
 * up at random (login IDs, say) cannot grow it without limit; a forgotten bucket starts full again.
 */
public final class TokenBuckets {
    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets;

    public TokenBuckets(int capacity, Duration window, int maxKeys, LongSupplier nanoTime) {
        if (capacity < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a bucket needs a capacity, a window and room for one key at least");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) window.toNanos();
        this.nanoTime = nanoTime;
        // access order: the eldest entry is the least recently used one
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one attempt from {@code key}'s bucket: empty when allowed, else how long until the next one is. */
    public synchronized Optional<Duration> take(String key) {
        long now = nanoTime.getAsLong();
        // {tokens, at}
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
        double tokens = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * tokensPerNano);
        bucket[1] = now;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return Optional.empty();
        }
        bucket[0] = tokens;
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }

    synchronized int size() {
        return buckets.size();
    }
}
