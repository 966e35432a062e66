package certrenewal.benchmark.measure;

/**
 * What one timed phase achieved.
 *
 * @param operations operations that succeeded in the timed phase
 * @param failures operations that threw
 * @param firstFailure the first failure's message, or empty
 */
public record Measurement(int operations, int failures, double seconds, int threads, Percentiles latency,
                          String firstFailure) {

    public double throughput() {
        return seconds > 0 ? operations / seconds : 0;
    }
}
