package certrenewal.benchmark.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs operation 0, 1, 2, ... from several threads: a warm-up that is not timed, then a timed phase.
 * Each index runs once, so an operation may consume an input (an ID renews once). Both phases end
 * at their count or their time limit, whichever comes first.
 */
public final class LoadRun {
    /** One operation; {@code index} is unique across the whole run, warm-up included. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    private final int threads;
    private final Operation operation;

    public LoadRun(int threads, Operation operation) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.operation = operation;
    }

    /** Warm-up over indexes [0, warmUps), then the timed phase over [warmUps, warmUps + count). */
    public Measurement run(int warmUps, Duration warmUpLimit, int count, Duration limit) {
        phase(0, warmUps, warmUpLimit);
        return phase(warmUps, count, limit);
    }

    /** One phase; its indexes start at {@code first}. */
    public Measurement phase(int first, int count, Duration limit) {
        AtomicInteger next = new AtomicInteger(first);
        long end = (long) first + count;
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        List<long[]> perThread = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> work(next, end, deadline, failures, firstFailure)));
            }
            for (Future<long[]> worker : workers) {
                perThread.add(worker.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker died", e.getCause());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return new Measurement(all.length, failures.get(), seconds, threads, Percentiles.ofNanos(all), firstFailure.get());
    }

    private long[] work(AtomicInteger next, long end, long deadline, AtomicInteger failures,
                        AtomicReference<String> firstFailure) {
        LongList latencies = new LongList();
        while (System.nanoTime() < deadline) {
            int index = next.getAndIncrement();
            if (index >= end) {
                break;
            }
            long start = System.nanoTime();
            try {
                operation.run(index);
                latencies.add(System.nanoTime() - start);
            } catch (Exception e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return latencies.toArray();
    }

    /** Growable array of primitive longs: latencies without boxing. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
