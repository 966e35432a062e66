package certrenewal.benchmark.report;

import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.Percentiles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The report as JSON, for tools comparing runs: benchmark/target/benchmark-report.json. */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(Report report) {
        return "{\n"
                + "  \"environment\": " + object(report.environment()) + ",\n"
                + "  \"results\": " + array(report.results().stream().map(JsonReport::result).toList()) + ",\n"
                + "  \"ratios\": " + array(report.ratios().stream().map(r -> ratio(r, report)).toList()) + ",\n"
                + "  \"memory\": " + object(report.memory()) + ",\n"
                + "  \"startup\": " + array(report.startup().stream().map(JsonReport::timing).toList()) + ",\n"
                + "  \"startupTimeline\": " + strings(report.startupTimeline()) + ",\n"
                + "  \"scale\": " + array(report.scale().stream().map(JsonReport::timing).toList()) + ",\n"
                + "  \"evidence\": " + strings(report.evidence()) + ",\n"
                + "  \"findings\": " + strings(report.findings()) + ",\n"
                + "  \"notes\": " + strings(report.notes()) + "\n"
                + "}\n";
    }

    private static String result(Result r) {
        StringBuilder out = new StringBuilder("{\"key\": " + text(r.key()) + ", \"stage\": " + text(r.stage())
                + ", \"what\": " + text(r.what()) + ", \"setup\": " + text(r.setup()));
        if (r.measurement().isPresent()) {
            Measurement m = r.measurement().get();
            out.append(", \"operations\": ").append(m.operations())
                    .append(", \"failures\": ").append(m.failures())
                    .append(", \"seconds\": ").append(number(m.seconds()))
                    .append(", \"threads\": ").append(m.threads())
                    .append(", \"perSecond\": ").append(number(m.throughput()))
                    .append(", \"latencyMillis\": ").append(percentiles(m.latency()));
            if (!m.firstFailure().isEmpty()) {
                out.append(", \"firstFailure\": ").append(text(m.firstFailure()));
            }
        }
        return out.append(", \"note\": ").append(text(r.note())).append('}').toString();
    }

    private static String ratio(Ratio r, Report report) {
        OptionalDouble value = r.value(report);
        return "{\"name\": " + text(r.name()) + ", \"value\": " + (value.isPresent() ? number(value.getAsDouble()) : "null")
                + ", \"minimum\": " + (r.hasTarget() ? number(r.minimum()) : "null")
                + ", \"met\": " + (r.hasTarget() && value.isPresent() ? value.getAsDouble() >= r.minimum() : "null") + '}';
    }

    private static String timing(Timing t) {
        return "{\"what\": " + text(t.what())
                + ", \"latencyMillis\": " + t.percentiles().map(JsonReport::percentiles).orElse("null")
                + ", \"target\": " + (Double.isNaN(t.targetMillis()) ? "null"
                        : "{\"" + t.targetPercentile() + "\": " + number(t.targetMillis()) + "}")
                + ", \"met\": " + t.met().map(String::valueOf).orElse("null")
                + ", \"note\": " + text(t.note()) + '}';
    }

    private static String percentiles(Percentiles p) {
        return "{\"samples\": " + p.samples() + ", \"p50\": " + number(p.p50()) + ", \"p95\": " + number(p.p95())
                + ", \"p99\": " + number(p.p99()) + ", \"max\": " + number(p.max()) + '}';
    }

    private static String object(Map<String, String> values) {
        return values.entrySet().stream().map(e -> text(e.getKey()) + ": " + text(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String strings(List<String> values) {
        return array(values.stream().map(JsonReport::text).toList());
    }

    private static String array(List<String> items) {
        return items.isEmpty() ? "[]" : items.stream().collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
    }

    static String text(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
