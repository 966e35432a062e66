package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the real OpenSSL, the independent judge of what this adapter writes, and makes its inputs. */
final class OpenSsl {
    record Result(int exitCode, String output) {
    }

    private static final AtomicInteger REQUESTS = new AtomicInteger();

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code dir}; stdout and stderr together, read as UTF-8. */
    static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs OpenSSL and fails the test, showing its output, unless it succeeds. */
    static String succeed(Path dir, String... args) {
        Result result = run(dir, args);
        assertEquals(0, result.exitCode(), () -> "openssl " + String.join(" ", args) + " failed:\n" + result.output());
        return result.output();
    }

    /**
     * Makes a key with {@code openssl genpkey <keyOptions>} and a DER request for it with {@code subject}.
     * Each call uses its own file names, so several requests can live in one directory.
     */
    static byte[] certificationRequest(Path dir, String subject, String... keyOptions) {
        String name = "request-" + REQUESTS.incrementAndGet();
        List<String> genpkey = new ArrayList<>(List.of("genpkey", "-out", name + ".key"));
        genpkey.addAll(List.of(keyOptions));
        succeed(dir, genpkey.toArray(String[]::new));
        succeed(dir, "req", "-new", "-key", name + ".key", "-subj", subject, "-outform", "DER", "-out", name + ".der");
        return read(dir.resolve(name + ".der"));
    }

    static void writePem(Path file, String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
