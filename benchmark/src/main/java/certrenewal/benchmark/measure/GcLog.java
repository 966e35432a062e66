package certrenewal.benchmark.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap use read from a JVM's unified GC log (-Xlog:gc): lines such as
 * {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(256M) 3.456ms}. Reading the log
 * costs the measured process nothing, unlike attaching jcmd to it under load.
 */
public record GcLog(int collections, double peakUsedMib, double peakCommittedMib, double pauseMillis) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)\\s+([0-9.]+)ms");

    public static GcLog read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            return new GcLog(0, 0, 0, 0);
        }
    }

    static GcLog parse(List<String> lines) {
        int collections = 0;
        double used = 0;
        double committed = 0;
        double pauses = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                collections++;
                used = Math.max(used, Double.parseDouble(m.group(1)));
                committed = Math.max(committed, Double.parseDouble(m.group(3)));
                pauses += Double.parseDouble(m.group(4));
            }
        }
        return new GcLog(collections, used, committed, pauses);
    }
}
