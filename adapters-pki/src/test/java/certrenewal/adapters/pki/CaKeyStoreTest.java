package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaKeyStoreTest {
    private static final String PASSWORD = "Ca-Store-Pw-4711";
    private static final String CA_SUBJECT = "CN=Test Bank Client CA,O=Test Bank,C=JP";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void createdCaIsLoadedBackUnchanged() throws Exception {
        Path file = dir.resolve("ca.p12");
        CaKeyMaterial created = CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        CaKeyMaterial loaded = CaKeyStore.load(file, PASSWORD.toCharArray(), CLOCK);

        assertEquals(created.certificate(), loaded.certificate());
        assertArrayEquals(created.privateKey().getEncoded(), loaded.privateKey().getEncoded());
    }

    @Test
    void existingKeyStoreIsReusedNotReplaced() {
        Path file = dir.resolve("ca.p12");
        CaKeyMaterial first = CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        CaKeyMaterial second = CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        assertEquals(first.certificate(), second.certificate());
    }

    @Test
    void wrongPasswordFailsWithoutRevealingEitherPassword() {
        Path file = dir.resolve("ca.p12");
        CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> CaKeyStore.load(file, "Guessed-Pw-0815".toCharArray(), CLOCK));

        assertTrue(failure.getMessage().contains("wrong password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Guessed-Pw-0815"), failure.getMessage());
        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
    }

    @Test
    void missingKeyStoreIsNotCreatedByLoad() {
        Path file = dir.resolve("absent.p12");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> CaKeyStore.load(file, PASSWORD.toCharArray(), CLOCK));

        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void anExpiredCaIsRefusedAndNotReplaced() throws Exception {
        Path file = dir.resolve("ca.p12");
        CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);
        byte[] before = Files.readAllBytes(file);
        Clock elevenYearsLater = Clock.fixed(CLOCK.instant().plus(java.time.Duration.ofDays(11 * 365)), ZoneOffset.UTC);

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, elevenYearsLater));

        assertEquals("CA key store " + file + " holds a certificate that expired on 2036-04-01T09:30:00Z"
                + " (CN=Test Bank Client CA, O=Test Bank, C=JP)", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aDamagedKeyStoreIsRefusedAndNotReplaced() throws Exception {
        Path file = dir.resolve("ca.p12");
        Files.writeString(file, "garbage");

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK));

        assertTrue(refused.getMessage().startsWith("CA key store " + file + " cannot be read as PKCS#12"),
                refused.getMessage());
        assertEquals("garbage", Files.readString(file));
    }

    @Test
    void aKeyStoreWithoutTheCaEntryIsRefused() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=Some CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "ca.key", "-in", "ca.pem", "-name", "signing",
                "-passout", "pass:" + PASSWORD, "-out", "other-alias.p12");
        Path file = dir.resolve("other-alias.p12");

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaKeyStore.load(file, PASSWORD.toCharArray(), Clock.systemUTC()));

        assertEquals("CA key store " + file + " has no key entry named 'ca'", refused.getMessage());
    }

    @Test
    void aKeyStoreWhoseCertificateIsNoCaIsRefused() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "leaf.key", "-out", "leaf.pem", "-subj", "/CN=localhost", "-days", "30",
                "-addext", "basicConstraints=critical,CA:FALSE");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-name", "ca",
                "-passout", "pass:" + PASSWORD, "-out", "leaf.p12");
        Path file = dir.resolve("leaf.p12");

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaKeyStore.load(file, PASSWORD.toCharArray(), Clock.systemUTC()));

        assertEquals("CA key store " + file + " holds a certificate that is not a CA certificate (CN=localhost)",
                refused.getMessage());
    }

    @Test
    void aCaWithAnUnsuitableKeyIsRefused() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "ed.key", "-out", "ed.pem",
                "-subj", "/CN=Edwards CA", "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "ed.key", "-in", "ed.pem", "-name", "ca",
                "-passout", "pass:" + PASSWORD, "-out", "ed.p12");
        Path file = dir.resolve("ed.p12");

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaKeyStore.load(file, PASSWORD.toCharArray(), Clock.systemUTC()));

        assertTrue(refused.getMessage().startsWith("CA key store " + file + " holds a key of type"), refused.getMessage());
    }

    @Test
    void openSslReadsTheKeyStoreAndSeesARootCa() {
        CaKeyStore.loadOrCreate(dir.resolve("keys/ca.p12"), PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        String certificates = OpenSsl.succeed(dir, "pkcs12", "-in", "keys/ca.p12", "-passin", "pass:" + PASSWORD,
                "-nokeys", "-out", "ca.pem");
        String text = OpenSsl.succeed(dir, "x509", "-in", "ca.pem", "-noout", "-text");

        assertFalse(certificates.contains("error"), certificates);
        assertTrue(text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"), text);
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(text.contains("Subject: C = JP, O = Test Bank, CN = Test Bank Client CA"), text);
        assertTrue(text.contains("Not Before: Apr  1 09:30:00 2026 GMT"), text);
        assertTrue(text.contains("Not After : Apr  1 09:30:00 2036 GMT"), text);
        assertTrue(text.contains("ASN1 OID: prime256v1") && text.contains("ecdsa-with-SHA256"), text);
        OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-attime", String.valueOf(CLOCK.instant().getEpochSecond()),
                "ca.pem");
    }

    @Test
    void rsaCaUsesSha256WithRsa() {
        CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD.toCharArray(), CaKeyType.RSA2048, CA_SUBJECT, CLOCK);

        OpenSsl.succeed(dir, "pkcs12", "-in", "ca.p12", "-passin", "pass:" + PASSWORD, "-nokeys", "-out", "ca.pem");
        String text = OpenSsl.succeed(dir, "x509", "-in", "ca.pem", "-noout", "-text");

        assertTrue(text.contains("Public-Key: (2048 bit)") && text.contains("sha256WithRSAEncryption"), text);
    }

    @Test
    void keyStoreIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("ca.p12");

        CaKeyStore.loadOrCreate(file, PASSWORD.toCharArray(), CaKeyType.P256, CA_SUBJECT, CLOCK);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void keyMaterialNeverPrintsThePrivateKey() {
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD.toCharArray(), CaKeyType.P256,
                CA_SUBJECT, CLOCK);
        ECPrivateKey key = (ECPrivateKey) ca.privateKey();

        String printed = ca.toString();

        assertTrue(printed.contains("Test Bank Client CA"), printed);
        assertFalse(printed.contains(key.getS().toString()) || printed.contains(key.getS().toString(16)), printed);
    }
}
