package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyStoreTest {
    private static final String PASSWORD = "Audit-Store-Pw-4711";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCreatedKeyIsAnEcP256KeyAndLoadsBackUnchanged() {
        Path file = dir.resolve("ca/audit.p12");
        AuditKeyMaterial created = AuditKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CLOCK);

        AuditKeyMaterial loaded = AuditKeyStore.load(file, PASSWORD.toCharArray());
        AuditKeyMaterial again = AuditKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CLOCK);

        assertArrayEquals(created.privateKey().getEncoded(), loaded.privateKey().getEncoded());
        assertEquals(created.certificate(), again.certificate());
        assertEquals(256, ((ECPublicKey) created.certificate().getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals("CN=Certrenewal Audit Checkpoints", created.certificate().getSubjectX500Principal().getName());
        assertEquals(-1, created.certificate().getBasicConstraints(), "not a CA");
    }

    @Test
    void aMissingKeyStoreStopsTheLoadNamingTheFileAndIsNotCreated() {
        Path file = dir.resolve("absent/audit.p12");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AuditKeyStore.load(file, PASSWORD.toCharArray()));

        assertEquals("audit key store " + file + " does not exist", failure.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aWrongPasswordFailsWithoutRevealingEitherPassword() {
        Path file = dir.resolve("audit.p12");
        AuditKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CLOCK);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AuditKeyStore.load(file, "Guessed-Pw-0815".toCharArray()));

        assertTrue(failure.getMessage().contains("wrong password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Guessed-Pw-0815"), failure.getMessage());
        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
    }

    @Test
    void aKeyStoreWithoutTheAuditAliasIsRefused() {
        Path file = dir.resolve("ca.p12");
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, "CN=Some CA", CLOCK);
        assertTrue(ca.certificate().getBasicConstraints() >= 0);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AuditKeyStore.load(file, PASSWORD.toCharArray()));

        assertTrue(failure.getMessage().contains("no key entry named 'audit'"), failure.getMessage());
    }

    @Test
    void aKeyStoreMadeWithOpenSslIsLoaded() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "audit.key", "-out", "audit.crt", "-subj", "/CN=Bank Audit Checkpoints", "-days", "3650");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-name", "audit", "-inkey", "audit.key", "-in", "audit.crt",
                "-out", "audit.p12", "-passout", "pass:" + PASSWORD);

        AuditKeyMaterial loaded = AuditKeyStore.load(dir.resolve("audit.p12"), PASSWORD.toCharArray());

        assertEquals("CN=Bank Audit Checkpoints", loaded.certificate().getSubjectX500Principal().getName());
    }
}
