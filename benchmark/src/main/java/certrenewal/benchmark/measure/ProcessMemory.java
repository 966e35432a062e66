package certrenewal.benchmark.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A process's resident memory as Linux reports it in /proc/PID/status. */
public record ProcessMemory(long rssKib, long peakRssKib) {

    /** Empty when the process is gone or the system has no /proc. */
    public static Optional<ProcessMemory> of(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return Optional.of(new ProcessMemory(field(lines, "VmRSS:"), field(lines, "VmHWM:")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").strip()))
                .orElseThrow(() -> new IllegalStateException("no " + name));
    }
}
