package certrenewal.benchmark.report;

import certrenewal.benchmark.measure.Percentiles;
import java.util.Optional;

/**
 * A latency line against a target: start-up, a look-up at scale, or a row waiting for another issue.
 *
 * @param percentiles empty when not measured; {@code note} says why
 * @param targetMillis the limit for {@code targetPercentile}, or NaN when there is none
 * @param targetPercentile which figure the target applies to: "p95", or "single" for one timing
 */
public record Timing(String what, Optional<Percentiles> percentiles, String targetPercentile, double targetMillis,
                     String note) {

    public static Timing single(String what, double millis, double targetMillis, String note) {
        return new Timing(what, Optional.of(new Percentiles(1, millis, millis, millis, millis)), "single",
                targetMillis, note);
    }

    public static Timing notMeasured(String what, String targetPercentile, double targetMillis, String why) {
        return new Timing(what, Optional.empty(), targetPercentile, targetMillis, why);
    }

    /** The figure the target applies to. */
    public Optional<Double> judged() {
        return percentiles.map(p -> "p95".equals(targetPercentile) ? p.p95() : p.p50());
    }

    /** Empty when there is no target or nothing was measured. */
    public Optional<Boolean> met() {
        if (Double.isNaN(targetMillis)) {
            return Optional.empty();
        }
        return judged().map(v -> v < targetMillis);
    }
}
