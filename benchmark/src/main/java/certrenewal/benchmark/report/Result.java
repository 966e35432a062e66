package certrenewal.benchmark.report;

import certrenewal.benchmark.measure.Measurement;
import java.util.Optional;

/**
 * One measured (or skipped) line of the throughput table.
 *
 * @param key stable name that ratios and the JSON refer to, e.g. {@code ca.P256}
 * @param stage the numbering: 1 raw CA, 2 use case into a database, 3 EST, 4 cfssl
 * @param measurement empty when the line was skipped; {@code note} then says why
 */
public record Result(String key, String stage, String what, String setup, Optional<Measurement> measurement,
                     String note) {

    public static Result measured(String key, String stage, String what, String setup, Measurement m, String note) {
        return new Result(key, stage, what, setup, Optional.of(m), note);
    }

    public static Result skipped(String key, String stage, String what, String why) {
        return new Result(key, stage, what, "", Optional.empty(), why);
    }
}
