package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production's rule for the audit key, as for the CA key: loaded from where it is configured, never created. */
class AuditKeyStartupTest {
    @TempDir
    Path dataDir;

    @Test
    void aMissingAuditKeyStoreStopsTheStartNamingTheFile() {
        Path keystore = dataDir.resolve("keys/audit.p12");

        RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                .environments(EndToEnd.ENVIRONMENT)
                .properties(Map.of(
                        "certrenewal.data-dir", dataDir.toAbsolutePath().toString(),
                        "micronaut.server.ssl.port", -1,
                        "certrenewal.audit.keystore", keystore.toString(),
                        "certrenewal.audit.create-if-missing", false))
                .start()
                .close());

        String messages = messages(failure);
        assertTrue(messages.contains("audit key store " + keystore + " does not exist"), messages);
        assertFalse(Files.exists(keystore));
        assertFalse(Files.exists(dataDir.resolve("audit/checkpoints")));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
