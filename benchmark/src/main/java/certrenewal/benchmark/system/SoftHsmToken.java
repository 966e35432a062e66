package certrenewal.benchmark.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token (Debian {@code softhsm2}) for the CA key: SoftHSM2 reads its configuration from the file
 * {@code SOFTHSM2_CONF} names when the library is first loaded, so the benchmark's JVM is started with it set (the
 * benchmark profile's exec sets it under target/) and the file is written here before anything loads the library.
 *
 * @param library the PKCS#11 module
 */
public record SoftHsmToken(Path library, String pin) {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String ALIAS = "bench-ca";
    private static final String PIN = "benchmark-token-pin";

    /** A new token at slot list index 0, or why there is none. */
    public static Optional<SoftHsmToken> fresh(StringBuilder whyNot) {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (!Files.isReadable(LIBRARY)) {
            whyNot.append("SoftHSM2 not installed (").append(LIBRARY).append("; Debian package softhsm2)");
            return Optional.empty();
        }
        if (conf == null || conf.isBlank()) {
            whyNot.append("SOFTHSM2_CONF is not set for the benchmark's JVM (the benchmark profile's exec sets it)");
            return Optional.empty();
        }
        Path tokens = Path.of(conf).toAbsolutePath().getParent().resolve("tokens");
        try {
            if (Files.exists(tokens)) {
                try (Stream<Path> old = Files.walk(tokens)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\n", StandardCharsets.UTF_8);
            run(List.of("softhsm2-util", "--init-token", "--free", "--label", "certrenewal-benchmark", "--pin", PIN,
                    "--so-pin", "benchmark-so-pin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a SoftHSM2 token under " + tokens, e);
        }
        return Optional.of(new SoftHsmToken(LIBRARY, PIN));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
