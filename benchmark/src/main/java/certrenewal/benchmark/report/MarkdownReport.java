package certrenewal.benchmark.report;

import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.Percentiles;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report as Markdown tables, for the console and benchmark/target/benchmark-report.md. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder("# Benchmark report\n\n");
        keyValues(out, report.environment());
        out.append("\n## Throughput and latency\n\n")
                .append("| # | what | set-up | ops | failed | per second | p50 ms | p99 ms | note |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : report.results()) {
            Optional<Measurement> m = r.measurement();
            out.append(row(r.stage(), r.what(), r.setup(),
                    m.map(x -> Integer.toString(x.operations())).orElse("—"),
                    m.map(x -> Integer.toString(x.failures())).orElse("—"),
                    m.map(x -> number(x.throughput())).orElse("—"),
                    m.map(x -> millis(x.latency().p50())).orElse("—"),
                    m.map(x -> millis(x.latency().p99())).orElse("—"),
                    r.note()));
        }
        out.append("\n## Ratios\n\n| ratio | value | target | met |\n|---|---:|---|---|\n");
        for (Ratio ratio : report.ratios()) {
            OptionalDouble value = ratio.value(report);
            out.append(row(ratio.name(),
                    value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "—",
                    ratio.hasTarget() ? "≥ " + ratio.minimum() : "",
                    ratio.hasTarget() && value.isPresent() ? verdict(value.getAsDouble() >= ratio.minimum()) : ""));
        }
        if (!report.memory().isEmpty()) {
            out.append("\n## Memory (servers in their own processes)\n\n");
            keyValues(out, report.memory());
        }
        out.append("\n## Start-up\n\n");
        timings(out, report.startup());
        if (!report.startupTimeline().isEmpty()) {
            out.append("\nLog of the fresh start, time since the process started:\n\n```\n");
            report.startupTimeline().forEach(line -> out.append(line).append('\n'));
            out.append("```\n");
        }
        out.append("\n## At scale\n\n");
        timings(out, report.scale());
        list(out, "Bottleneck evidence", report.evidence());
        list(out, "Findings and proposed fixes", report.findings());
        list(out, "Notes", report.notes());
        return out.toString();
    }

    private static void timings(StringBuilder out, List<Timing> timings) {
        out.append("| what | samples | p50 ms | p95 ms | target | met | note |\n|---|---:|---:|---:|---|---|---|\n");
        for (Timing t : timings) {
            Optional<Percentiles> p = t.percentiles();
            out.append(row(t.what(),
                    p.map(x -> Integer.toString(x.samples())).orElse("—"),
                    p.map(x -> millis(x.p50())).orElse("—"),
                    p.map(x -> "single".equals(t.targetPercentile()) ? "" : millis(x.p95())).orElse("—"),
                    Double.isNaN(t.targetMillis()) ? ""
                            : ("single".equals(t.targetPercentile()) ? "" : t.targetPercentile() + " ")
                            + "< " + millis(t.targetMillis()) + " ms",
                    t.met().map(MarkdownReport::verdict).orElse(""),
                    t.note()));
        }
    }

    private static void keyValues(StringBuilder out, Map<String, String> values) {
        out.append("| | |\n|---|---|\n");
        values.forEach((k, v) -> out.append(row(k, v)));
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n## ").append(title).append("\n\n");
            lines.forEach(line -> out.append("- ").append(line).append('\n'));
        }
    }

    private static String row(String... cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return line.append('\n').toString();
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
