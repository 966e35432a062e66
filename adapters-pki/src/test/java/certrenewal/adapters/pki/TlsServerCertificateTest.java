package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsServerCertificateTest {
    private static final char[] CA_PASSWORD = "ca-pw".toCharArray();
    private static final String PASSWORD = "server-pw";
    private static final Clock NOW = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void serverCertificateVerifiesForTlsServersAndNamesHostAndAddress() throws Exception {
        CaKeyMaterial ca = ca("ca.p12");
        OpenSsl.writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());

        TlsServerCertificate.writeKeyStore(ca, dir.resolve("server.p12"), PASSWORD.toCharArray(),
                List.of("localhost", "bank.test"), List.of("127.0.0.1", "::1"), NOW);

        OpenSsl.succeed(dir, "pkcs12", "-in", "server.p12", "-passin", "pass:" + PASSWORD, "-nokeys", "-clcerts",
                "-out", "server.pem");
        String keys = OpenSsl.succeed(dir, "pkcs12", "-in", "server.p12", "-passin", "pass:" + PASSWORD, "-nodes");
        assertTrue(keys.contains("-----BEGIN PRIVATE KEY-----"), keys);
        assertTrue(keys.contains("CN = Test Bank Client CA"), "chain holds the CA too:\n" + keys);
        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem")
                .contains("server.pem: OK"));
        String text = OpenSsl.succeed(dir, "x509", "-in", "server.pem", "-noout", "-text");
        assertTrue(text.contains("DNS:localhost, DNS:bank.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("Digital Signature"), text);
        assertTrue(text.contains("Subject: CN = localhost"), text);
        assertTrue(text.contains("ASN1 OID: prime256v1"), text);
    }

    @Test
    void freshKeyStoreIsUsable() {
        CaKeyMaterial ca = ca("ca.p12");
        Path server = dir.resolve("server.p12");

        TlsServerCertificate.writeKeyStore(ca, server, PASSWORD.toCharArray(), List.of("localhost"), List.of(), NOW);

        assertTrue(TlsServerCertificate.isUsable(server, PASSWORD.toCharArray(), ca.certificate(), NOW));
    }

    @Test
    void keyStoreOfAnotherCaIsNotUsable() {
        CaKeyMaterial ca = ca("ca.p12");
        CaKeyMaterial otherCa = ca("other-ca.p12");
        Path server = dir.resolve("server.p12");

        TlsServerCertificate.writeKeyStore(otherCa, server, PASSWORD.toCharArray(), List.of("localhost"), List.of(), NOW);

        assertFalse(TlsServerCertificate.isUsable(server, PASSWORD.toCharArray(), ca.certificate(), NOW));
    }

    @Test
    void keyStoreExpiringWithinAWeekIsNotUsable() {
        CaKeyMaterial ca = ca("ca.p12");
        Path server = dir.resolve("server.p12");
        TlsServerCertificate.writeKeyStore(ca, server, PASSWORD.toCharArray(), List.of("localhost"), List.of(), NOW);
        Clock sixDaysBeforeExpiry = Clock.fixed(NOW.instant().plus(Duration.ofDays(391)), ZoneOffset.UTC);
        Clock eightDaysBeforeExpiry = Clock.fixed(NOW.instant().plus(Duration.ofDays(389)), ZoneOffset.UTC);

        assertFalse(TlsServerCertificate.isUsable(server, PASSWORD.toCharArray(), ca.certificate(), sixDaysBeforeExpiry));
        assertTrue(TlsServerCertificate.isUsable(server, PASSWORD.toCharArray(), ca.certificate(), eightDaysBeforeExpiry));
    }

    @Test
    void missingOrLockedKeyStoreIsNotUsable() {
        CaKeyMaterial ca = ca("ca.p12");
        Path server = dir.resolve("server.p12");

        assertFalse(TlsServerCertificate.isUsable(server, PASSWORD.toCharArray(), ca.certificate(), NOW));
        TlsServerCertificate.writeKeyStore(ca, server, PASSWORD.toCharArray(), List.of("localhost"), List.of(), NOW);
        assertFalse(TlsServerCertificate.isUsable(server, "not-the-password".toCharArray(), ca.certificate(), NOW));
    }

    private CaKeyMaterial ca(String file) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), CA_PASSWORD, CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC));
    }
}
