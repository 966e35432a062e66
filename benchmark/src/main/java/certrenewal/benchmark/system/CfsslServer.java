package certrenewal.benchmark.system;

import certrenewal.adapters.pki.CaKeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code cfssl serve} with a CA that cfssl itself generated ({@code cfssl genkey -initca}), of the
 * given key type, and a client-certificate signing profile valid one year.
 */
public final class CfsslServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);
    private static final String CONFIG = """
            {"signing": {"default": {"usages": ["digital signature", "client auth"], "expiry": "8760h"}}}
            """;

    private final Process process;
    private final int port;

    private CfsslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Over plain HTTP, storing nothing. */
    public static CfsslServer start(Path cfssl, CaKeyType type, Path dir) {
        return start(cfssl, type, dir, List.of());
    }

    /**
     * Doing the work the app does: HTTPS with the server certificate {@code tlsCert}/{@code tlsKey} (PEM files),
     * clients must present a certificate issued by {@code clientCa}, and every certificate signed is stored through
     * cfssl's certdb as {@code dbConfig} says.
     */
    public static CfsslServer startMutualTls(Path cfssl, CaKeyType type, Path dir, Path tlsCert, Path tlsKey,
                                             Path clientCa, Path dbConfig) {
        return start(cfssl, type, dir, List.of("-tls-cert", tlsCert.toAbsolutePath().toString(),
                "-tls-key", tlsKey.toAbsolutePath().toString(), "-mutual-tls-ca", clientCa.toAbsolutePath().toString(),
                "-db-config", dbConfig.toAbsolutePath().toString()));
    }

    private static CfsslServer start(Path cfssl, CaKeyType type, Path dir, List<String> moreFlags) {
        try {
            Files.createDirectories(dir);
            createCa(cfssl, type, dir);
            Files.writeString(dir.resolve("config.json"), CONFIG);
            int port = FreePort.pick();
            List<String> command = new ArrayList<>(List.of(cfssl.toString(), "serve", "-address", "127.0.0.1",
                    "-port", Integer.toString(port), "-ca", "ca.pem", "-ca-key", "ca-key.pem",
                    "-config", "config.json", "-loglevel", "3"));
            command.addAll(moreFlags);
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cfssl-serve.log").toFile()).start();
            CfsslServer server = new CfsslServer(process, port);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cfssl", e);
        }
    }

    private static void createCa(Path cfssl, CaKeyType type, Path dir) throws IOException {
        String key = switch (type) {
            case P256 -> "{\"algo\": \"ecdsa\", \"size\": 256}";
            case RSA2048 -> "{\"algo\": \"rsa\", \"size\": 2048}";
        };
        Files.writeString(dir.resolve("ca-csr.json"),
                "{\"CN\": \"cfssl Benchmark " + type + " CA\", \"key\": " + key + ", \"names\": [{\"C\": \"JP\", \"O\": \"Example Bank\"}]}");
        Path generated = dir.resolve("ca.json");
        run(dir, List.of(cfssl.toString(), "genkey", "-initca", "ca-csr.json"), generated);
        String json = Files.readString(generated);
        Files.writeString(dir.resolve("ca.pem"), JsonStrings.field(json, "cert"));
        Files.writeString(dir.resolve("ca-key.pem"), JsonStrings.field(json, "key"));
    }

    private static void run(Path dir, List<String> command, Path output) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(output.toFile()).redirectError(dir.resolve("genkey.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("genkey.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls the port until it accepts a connection. */
    private void awaitListening() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cfssl serve exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        close();
        throw new IllegalStateException("cfssl serve did not listen within " + START_LIMIT);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
