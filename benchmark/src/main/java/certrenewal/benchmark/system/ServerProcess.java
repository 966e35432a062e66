package certrenewal.benchmark.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The app as an operator starts it: {@code java -cp <classpath> certrenewal.app.Application} in a
 * process of its own, on the embedded default in {@code dataDir}, on a free HTTPS port, with a GC
 * log for its heap use, and with the JDK's class-data sharing archive like the run profile
 * ({@link #classArchiveFlags}).
 */
public final class ServerProcess implements AutoCloseable {
    private static final String MAIN_CLASS = "certrenewal.app.Application";
    private static final Duration POLL = Duration.ofMillis(10);

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;
    private final Instant startedAt;

    private ServerProcess(Process process, int port, Path log, long startedNanos, Instant startedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
        this.startedAt = startedAt;
    }

    /**
     * @param appClasspath the app's runtime class path
     * @param jvmFlags more JVM flags, e.g. to record a profile
     */
    public static ServerProcess start(String appClasspath, Path dataDir, Path log, Path gcLog, List<String> jvmFlags) {
        int port = FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-Xlog:gc:file=" + gcLog,
                "-Dcertrenewal.data-dir=" + dataDir.toAbsolutePath(),
                "-Dmicronaut.server.ssl.port=" + port,
                // the plain-HTTP listener (CRL, OCSP) on any free port, not 8080
                "-Dmicronaut.server.port=-1",
                // the management listener (/health, /prometheus) on a free port, not 8081 (it needs a fixed number)
                "-Dendpoints.all.port=" + FreePort.pick(),
                "-cp", appClasspath, MAIN_CLASS));
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Instant wallClock = Instant.now();
            long started = System.nanoTime();
            return new ServerProcess(builder.start(), port, log, started, wallClock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server", e);
        }
    }

    /**
     * As the app's run profile: the first start writes an archive of the classes it loaded when it
     * exits, later starts map it instead of loading and verifying those classes again.
     */
    public static List<String> classArchiveFlags(Path archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:cds=off");
    }

    /** The benchmark's own class path less its own classes: what the app needs to run. */
    public static String appClasspath() {
        String own = System.getProperty("benchmark.classes", "");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> own.isBlank() || !Path.of(entry).toAbsolutePath().equals(Path.of(own).toAbsolutePath()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Polls until the HTTPS port answers a request (EST cacerts) with 200.
     *
     * @return the time from the process start to that answer
     */
    public Duration awaitServing(Duration limit) {
        long deadline = startedNanos + limit.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(origin() + "/.well-known/est/cacerts"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try (HttpClient client = HttpClient.newBuilder().sslContext(trustingAnyServer())
                .connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - startedNanos);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the server did not answer within " + limit + "; see " + log);
    }

    /** Polls the server's log until a line contains {@code text}; false if the limit passed first. */
    public boolean awaitLogLine(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (Files.exists(log) && Files.readString(log).contains(text)) {
                    return true;
                }
                Thread.sleep(POLL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The server's log lines with their time since the process started, in milliseconds. */
    public List<String> logTimeline() {
        List<String> timeline = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.length() > 13 && line.charAt(2) == ':') {
                    try {
                        LocalTime logged = LocalTime.parse(line.substring(0, 12));
                        long ms = Duration.between(startedAt.atZone(ZoneId.systemDefault()).toLocalTime(), logged).toMillis();
                        timeline.add(String.format("%6d ms  %s", ms, withoutPasswords(line.substring(13))));
                    } catch (DateTimeParseException notATimestamp) {
                        // a continuation line
                    }
                }
            }
        } catch (IOException e) {
            timeline.add("(log unreadable: " + e.getMessage() + ")");
        }
        return timeline;
    }

    /** When the process was started, by the wall clock. */
    public Instant startedAt() {
        return startedAt;
    }

    /** A report is shared: the one-time passwords the app logs for bootstrap accounts stay out of it. */
    static String withoutPasswords(String logLine) {
        return logLine.replaceAll("with password \\S+", "with password (not shown)");
    }

    public String origin() {
        return "https://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server as an operator would (SIGTERM), so that H2 closes its file cleanly. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** As {@link #close}, waiting up to {@code grace} (a JVM writing an AOT cache as it exits takes a while). */
    public void stop(Duration grace) {
        Processes.stop(process, grace);
    }

    /** Only for the readiness probe: the server's certificate does not exist before it starts. */
    private static SSLContext trustingAnyServer() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
