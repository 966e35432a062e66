package certrenewal.benchmark.measure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident memory while a load runs and keeps the highest value seen. */
public final class MemorySampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 100;

    private final long pid;
    private final AtomicLong maxRssKib = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public MemorySampler(long pid) {
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        ProcessMemory.of(pid).ifPresent(m -> maxRssKib.accumulateAndGet(m.rssKib(), Math::max));
    }

    /** The highest resident set seen, and the kernel's own high-water mark, in MiB. */
    public MemoryUse result() {
        sample();
        long hwm = ProcessMemory.of(pid).map(ProcessMemory::peakRssKib).orElse(0L);
        return new MemoryUse(maxRssKib.get() / 1024.0, hwm / 1024.0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** @param peakRssMib highest VmRSS sampled under load; @param highWaterMib VmHWM since the process started */
    public record MemoryUse(double peakRssMib, double highWaterMib) {
    }
}
