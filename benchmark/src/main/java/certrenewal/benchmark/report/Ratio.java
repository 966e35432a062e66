package certrenewal.benchmark.report;

import java.util.OptionalDouble;

/**
 * Throughput of one result over another, against a target where the issue sets one.
 *
 * @param minimum the target (ratio at least this), or NaN when there is none
 */
public record Ratio(String name, String numeratorKey, String denominatorKey, double minimum) {

    public OptionalDouble value(Report report) {
        OptionalDouble numerator = report.throughput(numeratorKey);
        OptionalDouble denominator = report.throughput(denominatorKey);
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
    }

    public boolean hasTarget() {
        return !Double.isNaN(minimum);
    }
}
