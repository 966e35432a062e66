package certrenewal.benchmark.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of this JVM around a timed phase: CPU samples, and every wait for a lock or a
 * monitor however short (the "profile" settings would drop waits under 10 ms).
 */
public final class InProcessRecording implements AutoCloseable {
    private static final String[] WAITS = {"jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark"};

    private final Recording recording;
    private final Path file;

    public InProcessRecording(Path file) {
        try {
            this.recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the JDK's JFR profile settings cannot be read", e);
        }
        for (String wait : WAITS) {
            recording.enable(wait).withThreshold(Duration.ZERO).withStackTrace();
        }
        this.file = file;
        recording.start();
    }

    static String[] waitEvents() {
        return WAITS.clone();
    }

    /** Stops recording and writes the file. */
    @Override
    public void close() {
        recording.stop();
        try {
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            recording.close();
        }
    }
}
