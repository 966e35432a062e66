package certrenewal.benchmark.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a process's Java threads spent their CPU, from the execution samples of a JFR recording: each
 * sample counts for the first area (in the order given) that any frame of its stack belongs to.
 */
public final class CpuProfile {
    /** JVM flags that record execution samples into {@code file}, written when the JVM exits. */
    public static List<String> jvmFlags(Path file) {
        return List.of("-XX:FlightRecorderOptions:stackdepth=256",
                "-XX:StartFlightRecording:settings=profile,filename=" + file);
    }

    /**
     * An area of the code, recognised by a pattern on "class.method" of any frame, and when
     * {@code within} is given, only under a frame matching that too.
     */
    public record Area(String name, Pattern frames, Pattern within) {
        public static Area of(String name, String regex) {
            return new Area(name, Pattern.compile(regex), null);
        }

        public static Area within(String name, String regex, String withinRegex) {
            return new Area(name, Pattern.compile(regex), Pattern.compile(withinRegex));
        }

        boolean matches(List<String> frameNames) {
            return frameNames.stream().anyMatch(n -> frames.matcher(n).find())
                    && (within == null || frameNames.stream().anyMatch(n -> within.matcher(n).find()));
        }
    }

    private CpuProfile() {
    }

    /** Samples and each area's share of them, largest first. */
    public record Profile(int samples, Map<String, Double> shares) {
        /** The share of an area, 0 when it had no sample. */
        public double share(String area) {
            return shares.getOrDefault(area, 0.0);
        }

        @Override
        public String toString() {
            return shares.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue()))
                    .collect(Collectors.joining("; ", samples + " CPU samples: ", ""));
        }
    }

    /** The samples taken from {@code from} to {@code to}, by area. */
    public static Profile of(Path recording, Instant from, Instant to, List<Area> areas) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                total++;
                counts.merge(areaOf(event.getStackTrace().getFrames(), areas), 1, Integer::sum);
            }
        } catch (IOException e) {
            return new Profile(0, Map.of());
        }
        int samples = total;
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), e.getValue() / (double) samples));
        return new Profile(samples, shares);
    }

    /**
     * Share of the callers' time spent waiting (monitor or park) with a frame matching {@code frames} on
     * the stack, e.g. inside the audit append.
     *
     * @param callerSeconds callers times the length of the phase
     */
    public static double waitedShare(Path recording, Instant from, Instant to, Pattern frames, double callerSeconds) {
        List<String> waits = List.of(InProcessRecording.waitEvents());
        double waited = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (waits.contains(event.getEventType().getName()) && event.getStackTrace() != null
                        && !event.getStartTime().isBefore(from) && !event.getEndTime().isAfter(to)
                        && event.getStackTrace().getFrames().stream().anyMatch(f -> frames.matcher(name(f)).find())) {
                    waited += event.getDuration().toNanos() / 1e9;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return waited / callerSeconds;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String areaOf(List<RecordedFrame> frames, List<Area> areas) {
        List<String> names = new ArrayList<>(frames.size());
        for (RecordedFrame frame : frames) {
            names.add(name(frame));
        }
        for (Area area : areas) {
            if (area.matches(names)) {
                return area.name();
            }
        }
        return "other";
    }
}
