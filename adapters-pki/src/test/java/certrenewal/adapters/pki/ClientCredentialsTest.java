package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateAuthorityPort.SignedCertificate;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void pkcs12OpensWithOpenSslAndHoldsKeyAndCertificate() throws Exception {
        KeyPair keys = ClientCredentials.generateEcP256();
        CaKeyMaterial ca = ca();
        X509Certificate certificate = issue(ca, keys);

        ClientCredentials.writePkcs12(dir.resolve("user01.p12"), "user01", keys.getPrivate(),
                List.of(certificate, ca.certificate()), "pw".toCharArray());

        String contents = OpenSsl.succeed(dir, "pkcs12", "-in", "user01.p12", "-passin", "pass:pw", "-nodes");
        assertTrue(contents.contains("-----BEGIN PRIVATE KEY-----"), contents);
        assertTrue(contents.contains("friendlyName: user01"), contents);
        assertTrue(contents.contains("subject=C = JP, O = Test Trading Co., OU = C0001234, CN = user01"), contents);
        Files.writeString(dir.resolve("contents.pem"), contents);
        String keyFromStore = OpenSsl.succeed(dir, "pkey", "-in", "contents.pem", "-pubout");
        String keyInCertificate = OpenSsl.succeed(dir, "x509", "-in", "contents.pem", "-noout", "-pubkey");
        assertEquals(keyInCertificate, keyFromStore);
    }

    @Test
    void pemFilesAreReadByOpenSsl() throws Exception {
        KeyPair keys = ClientCredentials.generateEcP256();
        X509Certificate certificate = issue(ca(), keys);

        ClientCredentials.writePem(dir.resolve("key.pem"), keys.getPrivate());
        ClientCredentials.writePem(dir.resolve("cert.pem"), certificate);

        assertTrue(Files.readString(dir.resolve("key.pem")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("cert.pem")).startsWith("-----BEGIN CERTIFICATE-----\n"));
        String keyFromPem = OpenSsl.succeed(dir, "pkey", "-in", "key.pem", "-pubout");
        String keyInCertificate = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-pubkey");
        assertEquals(keyInCertificate, keyFromPem);
    }

    @Test
    void certificationRequestsVerifyWithOpenSsl() {
        for (KeyPair keys : List.of(ClientCredentials.generateEcP256(), ClientCredentials.generateRsa(2048))) {
            byte[] der = ClientCredentials.certificationRequest(keys, "user01");
            OpenSsl.writePem(dir.resolve("request.pem"), "CERTIFICATE REQUEST", der);

            String verified = OpenSsl.succeed(dir, "req", "-in", "request.pem", "-verify", "-noout", "-subject");

            assertTrue(verified.contains("verify OK") && verified.contains("subject=CN = user01"), verified);
        }
    }

    @Test
    void parseReadsBackACertificateAndRefusesGarbage() throws Exception {
        X509Certificate certificate = ca().certificate();

        assertEquals(certificate, ClientCredentials.parse(certificate.getEncoded()));
        assertThrows(IllegalArgumentException.class, () -> ClientCredentials.parse(new byte[] {1, 2, 3}));
    }

    private CaKeyMaterial ca() {
        return CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), "ca-pw".toCharArray(), CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
    }

    private static X509Certificate issue(CaKeyMaterial ca, KeyPair keys) {
        var authority = new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"));
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        SignedCertificate signed = authority.sign(
                authority.checkRequest(ClientCredentials.certificationRequest(keys, "ignored")),
                new SubjectName("JP", "Test Trading Co.", "C0001234", "user01"), SerialNumber.ofHex("5A17"),
                notBefore, notBefore.plus(Duration.ofDays(365)));
        return ClientCredentials.parse(signed.der());
    }
}
