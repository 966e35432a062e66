package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server started from the runnable artifact as its own process ({@code java -jar certrenewal.jar}) in a
 * directory of its own, with only the environment an operator gives it; its output goes to {@code server.log}
 * there. Run by maven-failsafe tests, after {@code package} has made the jar.
 */
final class ArtifactProcess implements AutoCloseable {
    static final Duration START_LIMIT = Duration.ofSeconds(180);
    static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    static final Pattern SERVING = Pattern.compile("Certificate renewal is serving https://localhost:(\\d+)/");
    /** The file name of AWS-LC's native library (the Corretto Crypto Provider's), once extracted and loaded. */
    static final String AWS_LC_LIBRARY = "libamazonCorrettoCryptoProvider.so";

    final Path directory;
    final int port;
    /** The management listener's port (plain HTTP, 127.0.0.1: /health, /prometheus). */
    final int managementPort;
    private final Process process;
    private final Path log;

    private ArtifactProcess(Path directory, int port, int managementPort, Process process, Path log) {
        this.directory = directory;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /** The jar failsafe names (certrenewal.artifact). */
    static Path artifact() {
        String path = System.getProperty("certrenewal.artifact");
        if (path == null || path.isBlank()) {
            fail("certrenewal.artifact is not set: run through maven-failsafe (mvn verify), which builds the jar first");
        }
        Path jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), jar + " does not exist: mvn package makes it");
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the jar in {@code directory} on {@code port} with {@code environment} (nothing of this build's own). */
    static ArtifactProcess start(Path directory, int port, Map<String, String> environment) throws IOException {
        Files.createDirectories(directory);
        Path log = directory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", artifact().toString()))
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CERTRENEWAL_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        builder.environment().put("CERTRENEWAL_PORT", Integer.toString(port));
        // the plain-HTTP listener (CRL, OCSP) on a free port, not 8080, which another server here may hold
        builder.environment().putIfAbsent("CERTRENEWAL_HTTP_PORT", "-1");
        // the management listener (/health, /prometheus) on a free port, not 8081: its routes need a fixed number
        int managementPort = environment.containsKey("CERTRENEWAL_MANAGEMENT_PORT")
                ? Integer.parseInt(environment.get("CERTRENEWAL_MANAGEMENT_PORT")) : freePort();
        builder.environment().put("CERTRENEWAL_MANAGEMENT_PORT", Integer.toString(managementPort));
        return new ArtifactProcess(directory, port, managementPort, builder.start(), log);
    }

    /** Polls the log until a line matches, up to the start limit; fails at once if the process ended. */
    Matcher awaitLogLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(log());
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue() + " before logging " + pattern + "\n" + log());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return fail("no line matching " + pattern + " within " + START_LIMIT + "\n" + log());
    }

    /** Waits until it serves HTTPS, as its log says. */
    ArtifactProcess serving() throws InterruptedException {
        awaitLogLine(SERVING);
        return this;
    }

    String url(String path) {
        return "https://localhost:" + port + path;
    }

    /** On the management listener, e.g. {@code /health}. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    long pid() {
        return process.pid();
    }

    /** The files mapped into process {@code pid}'s memory (Linux): its native libraries among them. */
    static String mappedFiles(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "maps"), StandardCharsets.US_ASCII);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the node dies in the middle of whatever it does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; fails if it is still running after the stop limit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("still running " + STOP_LIMIT + " after SIGTERM\n" + log());
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
