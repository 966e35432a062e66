package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on the embedded default in a temporary data directory, on a free port, and
 * the command-line tools (curl, openssl) a newcomer would use against it.
 */
public final class EndToEnd implements AutoCloseable {
    public static final String ENVIRONMENT = "e2e";

    public final Path dataDir;
    public final ApplicationContext context;
    public final EmbeddedServer server;
    /** The management port (plain HTTP: /health, /prometheus), a free one picked at start. */
    public final int managementPort;

    private EndToEnd(Path dataDir, ApplicationContext context, EmbeddedServer server) {
        this.dataDir = dataDir;
        this.context = context;
        this.server = server;
        this.managementPort = context.getRequiredProperty("endpoints.all.port", Integer.class);
    }

    public static EndToEnd start(Path dataDir) {
        return start(dataDir, Map.of(
                // the walks log in many times from 127.0.0.1; AttemptLimitsTest tests the limits as configured
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000));
    }

    /** The system with {@code settings} over the test defaults below (not over the limits {@link #start(Path)} raises). */
    public static EndToEnd start(Path dataDir, Map<String, Object> settings) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                        "certrenewal.data-dir", dataDir.toAbsolutePath().toString(),
                        "micronaut.server.ssl.port", -1,
                        // the plain-HTTP listener (CRL, OCSP) on a free port, not application.yml's 8080
                        "micronaut.server.port", -1,
                        // PBKDF2's production cost (600,000) is checked in adapters-pki; here it would only slow every login
                        "certrenewal.login.password-hash-iterations", 10_000,
                        // the walks check the CRL right after a revocation; coalescing is CrlServiceTest's
                        "certrenewal.crl.min-interval", "0s",
                        // the walks written before dual control run the actions at once; the dual-control walks turn it on
                        "certrenewal.console.dual-control", "",
                        // not application.yml's 8081, which another server on this machine may hold
                        "endpoints.all.port", freePort()));
        properties.putAll(settings);
        ApplicationContext context = ApplicationContext.builder()
                .environments(ENVIRONMENT)
                .properties(properties)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        return new EndToEnd(dataDir, context, server);
    }

    /** A port nothing listens on now (the management listener needs a fixed number: its routes are bound to it). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String origin() {
        return "https://localhost:" + server.getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    /** The plain-HTTP listener's port (CRL and OCSP only): the bound port that is neither HTTPS nor management. */
    public int plainPort() {
        return ((io.micronaut.http.server.netty.NettyEmbeddedServer) server).getBoundPorts().stream()
                .filter(port -> port != server.getPort() && port != managementPort).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plain-HTTP listener"));
    }

    public String plainUrl(String path) {
        return "http://localhost:" + plainPort() + path;
    }

    public Path demo(String file) {
        return dataDir.resolve("demo").resolve(file);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }

    /** An HTTP exchange made with curl: status, the refusal code header and the body. */
    record CurlResult(int status, String refusalCode, String body) {
    }

    /** curl against the server, trusting only the development TLS issuer for it; {@code clientCert} may be null. */
    CurlResult curl(Path workDir, String method, String path, Path clientCert, Path clientKey,
                    Path bodyFile, String contentType) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "body", ".txt");
        Path headers = Files.createTempFile(workDir, "headers", ".txt");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-X", method, "--cacert", dataDir.resolve("tls").resolve("issuer.crt").toString(),
                "-o", out.toString(), "-D", headers.toString(), "-w", "%{http_code}"));
        if (clientCert != null) {
            command.addAll(List.of("--cert", clientCert.toString(), "--key", clientKey.toString()));
        }
        if (bodyFile != null) {
            command.addAll(List.of("-H", "Content-Type: " + contentType, "--data-binary", "@" + bodyFile));
        }
        command.add(url(path));
        Tool.Result result = Tool.run(workDir, command);
        assertEquals(0, result.exitCode(), "curl failed: " + result.output());
        String refusal = Files.readAllLines(headers, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.toLowerCase().startsWith("x-refusal-code:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        return new CurlResult(Integer.parseInt(result.output().strip()), refusal, Files.readString(out));
    }

    /** Runs a command-line tool to completion. */
    public static final class Tool {
        public record Result(int exitCode, String output) {
        }

        public static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        }

        public static String runOk(Path workDir, String... command) throws IOException, InterruptedException {
            Result result = run(workDir, List.of(command));
            assertEquals(0, result.exitCode(), String.join(" ", command) + " failed:\n" + result.output());
            return result.output();
        }
    }
}
