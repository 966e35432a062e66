package certrenewal.benchmark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Everything one benchmark run found, in the order it was found; rendered as Markdown and JSON. */
public final class Report {
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final Map<String, String> memory = new LinkedHashMap<>();
    private final List<Timing> startup = new ArrayList<>();
    private final List<String> startupTimeline = new ArrayList<>();
    private final List<Timing> scale = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();
    private final Set<String> findings = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    public void environment(String name, String value) {
        environment.put(name, value);
    }

    public void add(Result result) {
        results.add(result);
    }

    public void ratio(Ratio ratio) {
        ratios.add(ratio);
    }

    public void memory(String name, String value) {
        memory.put(name, value);
    }

    public void startup(Timing timing) {
        startup.add(timing);
    }

    public void startupTimeline(List<String> lines) {
        startupTimeline.clear();
        startupTimeline.addAll(lines);
    }

    public void scale(Timing timing) {
        scale.add(timing);
    }

    /** A measured fact that points at a bottleneck. */
    public void evidence(String line) {
        evidence.add(line);
    }

    /** A conclusion with its proposed fix; said once however many measurements lead to it. */
    public void finding(String text) {
        findings.add(text);
    }

    public void note(String line) {
        notes.add(line);
    }

    /** Throughput of a measured result, empty when it was skipped or did not run. */
    public OptionalDouble throughput(String key) {
        return results.stream().filter(r -> r.key().equals(key) && r.measurement().isPresent())
                .mapToDouble(r -> r.measurement().get().throughput()).findFirst();
    }

    public Map<String, String> environment() {
        return environment;
    }

    public List<Result> results() {
        return results;
    }

    public List<Ratio> ratios() {
        return ratios;
    }

    public Map<String, String> memory() {
        return memory;
    }

    public List<Timing> startup() {
        return startup;
    }

    public List<String> startupTimeline() {
        return startupTimeline;
    }

    public List<Timing> scale() {
        return scale;
    }

    public List<String> evidence() {
        return evidence;
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    public List<String> notes() {
        return notes;
    }
}
