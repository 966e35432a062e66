package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PKCS#11 token for the tests: SoftHSM2 (Debian's softhsm2), one token for this JVM, made
 * fresh under target/ before the library is first loaded (surefire points SOFTHSM2_CONF there).
 */
final class SoftHsm {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "test-user-pin-4711";
    private static boolean ready;

    private SoftHsm() {
    }

    /** The token's key {@code alias}, at slot list index 0. */
    static synchronized CaToken token(String alias) {
        if (!ready) {
            initialise();
            ready = true;
        }
        return new CaToken(LIBRARY, 0, alias, PIN.toCharArray());
    }

    /** What {@code pkcs11-tool} lists of the token's objects, as the operator would look. */
    static String objects() {
        return run("pkcs11-tool", "--module", LIBRARY.toString(), "--login", "--pin", PIN, "--list-objects");
    }

    private static void initialise() {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the tests with Maven (surefire sets it)");
        }
        Path tokens = Path.of(conf).getParent().resolve("tokens");
        try {
            if (Files.exists(tokens)) {
                try (Stream<Path> old = Files.walk(tokens)) {
                    old.sorted(Comparator.reverseOrder()).forEach(SoftHsm::delete);
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("softhsm2-util", "--init-token", "--free", "--label", "certrenewal-test", "--pin", PIN, "--so-pin",
                "test-so-pin-4711");
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), () -> String.join(" ", command) + " failed:\n" + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
