package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.pki.TlsServerCertificate.ServerKeyStore;
import certrenewal.adapters.pki.TlsServerCertificate.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's key store: in production the operator's, read and judged but never written; on the development
 * default issued by the development TLS issuer, never by the client CA. OpenSSL makes the operators' key stores
 * and judges what is written here.
 */
class TlsServerCertificateTest {
    private static final char[] CA_PASSWORD = "ca-pw".toCharArray();
    private static final String PASSWORD = "server-pw";
    private static final Clock NOW = Clock.systemUTC();
    private static final List<String> LOCALHOST = List.of("localhost");

    @TempDir
    Path dir;

    // --- what the development issuer writes ---

    @Test
    void serverCertificateVerifiesForTlsServersAgainstTheIssuerAndNamesHostAndAddress() throws Exception {
        CaKeyMaterial issuer = DevelopmentTlsIssuer.loadOrCreate(dir.resolve("tls/issuer.p12"), CA_PASSWORD, NOW);

        TlsServerCertificate.writeKeyStore(issuer, dir.resolve("server.p12"), PASSWORD.toCharArray(),
                List.of("localhost", "bank.test"), List.of("127.0.0.1", "::1"), NOW);

        OpenSsl.succeed(dir, "pkcs12", "-in", "server.p12", "-passin", "pass:" + PASSWORD, "-nokeys", "-clcerts",
                "-out", "server.pem");
        String keys = OpenSsl.succeed(dir, "pkcs12", "-in", "server.p12", "-passin", "pass:" + PASSWORD, "-nodes");
        assertTrue(keys.contains("-----BEGIN PRIVATE KEY-----"), keys);
        assertTrue(keys.contains("CN = Certrenewal Development TLS Issuer"), "chain holds the issuer too:\n" + keys);
        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "tls/issuer.crt", "-purpose", "sslserver", "server.pem")
                .contains("server.pem: OK"));
        String text = OpenSsl.succeed(dir, "x509", "-in", "server.pem", "-noout", "-text");
        assertTrue(text.contains("DNS:localhost, DNS:bank.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("Digital Signature"), text);
        assertTrue(text.contains("Subject: CN = localhost"), text);
        assertTrue(text.contains("ASN1 OID: prime256v1"), text);
    }

    @Test
    void developmentIssuerIsWrittenOnceAndItsCertificateBesideIt() throws Exception {
        Path p12 = dir.resolve("tls/issuer.p12");
        CaKeyMaterial first = DevelopmentTlsIssuer.loadOrCreate(p12, CA_PASSWORD, NOW);
        byte[] written = Files.readAllBytes(p12);

        CaKeyMaterial second = DevelopmentTlsIssuer.loadOrCreate(p12, CA_PASSWORD, NOW);

        assertEquals(first.certificate(), second.certificate());
        assertArrayEquals(written, Files.readAllBytes(p12));
        assertEquals(dir.resolve("tls/issuer.crt"), DevelopmentTlsIssuer.certificateFile(p12));
        String text = OpenSsl.succeed(dir, "x509", "-in", "tls/issuer.crt", "-noout", "-subject", "-fingerprint", "-sha256");
        assertTrue(text.contains("CN = Certrenewal Development TLS Issuer"), text);
    }

    // --- development: created, renewed, replaced, or left alone ---

    @Test
    void developmentCreatesAMissingKeyStoreFromTheIssuerNotFromTheClientCa() {
        CaKeyMaterial clientCa = ca("ca.p12");
        CaKeyMaterial issuer = issuer();
        Path server = dir.resolve("tls/server.p12");

        ServerKeyStore served = development(issuer, clientCa, server, NOW);

        assertEquals(Written.CREATED, served.written());
        assertTrue(KeyStoreFiles.isIssuedBy(served.certificate(), issuer.certificate()));
        assertFalse(KeyStoreFiles.isIssuedBy(served.certificate(), clientCa.certificate()));
        pem(server, "server.pem");
        OpenSsl.succeed(dir, "verify", "-CAfile", "tls/issuer.crt", "-purpose", "sslserver", "server.pem");
        OpenSsl.writePem(dir.resolve("client-ca.pem"), "CERTIFICATE", der(clientCa.certificate()));
        OpenSsl.Result againstClientCa = OpenSsl.run(dir, "verify", "-CAfile", "client-ca.pem", "server.pem");
        assertNotEquals(0, againstClientCa.exitCode(), againstClientCa.output());
    }

    @Test
    void developmentKeepsItsOwnValidKeyStoreByteForByte() throws Exception {
        CaKeyMaterial clientCa = ca("ca.p12");
        CaKeyMaterial issuer = issuer();
        Path server = dir.resolve("server.p12");
        development(issuer, clientCa, server, NOW);
        byte[] written = Files.readAllBytes(server);

        ServerKeyStore served = development(issuer, clientCa, server, NOW);

        assertEquals(Written.NOTHING, served.written());
        assertArrayEquals(written, Files.readAllBytes(server));
    }

    @Test
    void developmentRenewsItsOwnCertificateSevenDaysBeforeExpiry() throws Exception {
        CaKeyMaterial clientCa = ca("ca.p12");
        CaKeyMaterial issuer = issuer();
        Path server = dir.resolve("server.p12");
        X509Certificate first = development(issuer, clientCa, server, NOW).certificate();
        Instant expiry = first.getNotAfter().toInstant();

        assertEquals(Written.NOTHING, development(issuer, clientCa, server, at(expiry.minus(Duration.ofDays(8)))).written());
        ServerKeyStore renewed = development(issuer, clientCa, server, at(expiry.minus(Duration.ofDays(6))));

        assertEquals(Written.RENEWED, renewed.written());
        assertNotEquals(first, renewed.certificate());
    }

    @Test
    void developmentReplacesAServerCertificateOfTheClientCaAsEarlierVersionsWroteIt() {
        CaKeyMaterial clientCa = ca("ca.p12");
        CaKeyMaterial issuer = issuer();
        Path server = dir.resolve("server.p12");
        TlsServerCertificate.writeKeyStore(clientCa, server, PASSWORD.toCharArray(), LOCALHOST, List.of(), NOW);

        ServerKeyStore served = development(issuer, clientCa, server, NOW);

        assertEquals(Written.REPLACED_CERTIFICATE_OF_THE_CLIENT_CA, served.written());
        assertTrue(KeyStoreFiles.isIssuedBy(served.certificate(), issuer.certificate()));
    }

    @Test
    void developmentUsesADevelopersOwnKeyStoreAsItIs() throws Exception {
        Path server = operatorKeyStore("own.p12", "serverAuth", 30);
        byte[] before = Files.readAllBytes(server);

        ServerKeyStore served = development(issuer(), ca("ca.p12").certificate(), server, NOW);

        assertEquals(Written.NOTHING, served.written());
        assertEquals("CN=localhost", served.certificate().getSubjectX500Principal().getName());
        assertArrayEquals(before, Files.readAllBytes(server));
    }

    @Test
    void developmentRefusesAndKeepsADamagedKeyStore() throws Exception {
        Path server = dir.resolve("server.p12");
        Files.writeString(server, "not a key store");

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> development(issuer(), ca("ca.p12").certificate(), server, NOW));

        assertEquals("TLS key store " + server + " cannot be read as PKCS#12: the file is damaged or in another format",
                refused.getMessage());
        assertEquals("not a key store", Files.readString(server));
    }

    // --- production: the operator's key store, never written ---

    @Test
    void productionUsesTheOperatorsKeyStoreAsItIs() throws Exception {
        Path server = operatorKeyStore("operator.p12", "serverAuth", 30);
        byte[] before = Files.readAllBytes(server);

        ServerKeyStore served = TlsServerCertificate.useProvided(server, PASSWORD.toCharArray(),
                ca("ca.p12").certificate(), NOW);

        assertEquals(Written.NOTHING, served.written());
        assertEquals(OpenSsl.succeed(dir, "x509", "-in", "operator-server.pem", "-noout", "-fingerprint", "-sha256"),
                fingerprint(served.certificate()));
        assertArrayEquals(before, Files.readAllBytes(server));
        assertFalse(served.expiresWithin(Duration.ofDays(29), NOW));
        assertTrue(served.expiresWithin(Duration.ofDays(31), NOW));
    }

    @Test
    void productionRefusesAMissingKeyStoreAndCreatesNothing() {
        Path server = dir.resolve("tls/server.p12");

        assertRefused(server, "does not exist", NOW);

        assertFalse(Files.exists(server.getParent()));
    }

    @Test
    void productionRefusesAGarbledKeyStoreAndLeavesItAlone() throws Exception {
        Path server = operatorKeyStore("operator.p12", "serverAuth", 30);
        byte[] garbled = Files.readAllBytes(server);
        garbled[garbled.length / 2] ^= 0x55;
        Files.write(server, garbled);

        assertRefused(server, "cannot be", NOW);

        assertArrayEquals(garbled, Files.readAllBytes(server));
    }

    @Test
    void productionRefusesAWrongPasswordWithoutNamingEither() {
        Path server = operatorKeyStore("operator.p12", "serverAuth", 30);

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> TlsServerCertificate.useProvided(server, "Guessed-0815".toCharArray(), ca("ca.p12").certificate(), NOW));

        assertEquals("TLS key store " + server + " cannot be opened: wrong password, or the file is damaged",
                refused.getMessage());
        assertEquals(server, refused.file());
    }

    @Test
    void productionRefusesAKeyStoreWithoutAKey() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "lone.key", "-out", "lone.pem", "-subj", "/CN=localhost", "-days", "30");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-nokeys", "-in", "lone.pem", "-passout", "pass:" + PASSWORD,
                "-out", "certificates-only.p12");

        assertRefused(dir.resolve("certificates-only.p12"), "holds no private key", NOW);
    }

    @Test
    void productionRefusesAnExpiredCertificate() {
        Path server = operatorKeyStore("operator.p12", "serverAuth", 30);

        assertRefused(server, "holds a certificate that expired on", at(NOW.instant().plus(Duration.ofDays(31))));
    }

    @Test
    void productionRefusesACertificateThatIsNotForServers() {
        assertRefused(operatorKeyStore("client.p12", "clientAuth", 30), "holds a certificate that is not for TLS servers", NOW);
    }

    @Test
    void productionRefusesAWeakOrUnsuitableKey() {
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "weak.key", "-out", "weak.pem",
                "-subj", "/CN=localhost", "-days", "30");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "weak.key", "-in", "weak.pem", "-passout", "pass:" + PASSWORD,
                "-out", "weak.p12");
        OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "ed.key", "-out", "ed.pem",
                "-subj", "/CN=localhost", "-days", "30");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "ed.key", "-in", "ed.pem", "-passout", "pass:" + PASSWORD,
                "-out", "ed.p12");

        assertRefused(dir.resolve("weak.p12"), "holds an RSA key of 1024 bits; an EC key or an RSA key of at least 2048"
                + " bits is needed", NOW);
        assertRefused(dir.resolve("ed.p12"), "holds a key of type", NOW);
    }

    @Test
    void productionRefusesASecondKeyItCouldPresentInstead() throws Exception {
        Path server = operatorKeyStore("operator.p12", "serverAuth", 30);
        KeyStore store = Pkcs12.read(server, PASSWORD.toCharArray());
        CaKeyMaterial other = ca("other.p12");
        store.setKeyEntry("second", other.privateKey(), PASSWORD.toCharArray(),
                new X509Certificate[] {other.certificate()});
        try (var out = Files.newOutputStream(server)) {
            store.store(out, PASSWORD.toCharArray());
        }

        assertRefused(server, "holds 2 private keys", NOW);
    }

    @Test
    void productionRefusesAServerCertificateOfTheClientCa() {
        CaKeyMaterial clientCa = ca("ca.p12");
        Path server = dir.resolve("server.p12");
        TlsServerCertificate.writeKeyStore(clientCa, server, PASSWORD.toCharArray(), LOCALHOST, List.of(), NOW);

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> TlsServerCertificate.useProvided(server, PASSWORD.toCharArray(), clientCa.certificate(), NOW));

        assertTrue(refused.getMessage().contains("issued by the client CA (CN=Test Bank Client CA, O=Test Bank, C=JP),"
                + " which must not be a trust anchor for servers"), refused.getMessage());
    }

    private void assertRefused(Path server, String problem, Clock clock) {
        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> TlsServerCertificate.useProvided(server, PASSWORD.toCharArray(), ca("ca.p12").certificate(), clock));
        assertTrue(refused.getMessage().startsWith("TLS key store " + server + " " + problem), refused.getMessage());
        assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
    }

    private ServerKeyStore development(CaKeyMaterial issuer, CaKeyMaterial clientCa, Path server, Clock clock) {
        return development(issuer, clientCa.certificate(), server, clock);
    }

    private static ServerKeyStore development(CaKeyMaterial issuer, X509Certificate clientCa, Path server, Clock clock) {
        return TlsServerCertificate.useOrIssueForDevelopment(issuer, clientCa, server, PASSWORD.toCharArray(),
                LOCALHOST, List.of("127.0.0.1"), clock);
    }

    /**
     * A key store as an operator makes it with OpenSSL: a server CA of their own, a P-256 server key under the alias
     * "operator-tls" with its certificate for localhost ({@code operator-server.pem}), valid for {@code days}.
     */
    private Path operatorKeyStore(String file, String extendedKeyUsage, int days) {
        if (!Files.exists(dir.resolve("operator-ca.pem"))) {
            OpenSsl.succeed(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "operator-ca.key", "-out", "operator-ca.pem", "-subj", "/O=Operator/CN=Operator Server CA",
                    "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        }
        write(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=" + extendedKeyUsage + "\n");
        OpenSsl.succeed(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "operator-server.key", "-out", "operator-server.csr", "-subj", "/CN=localhost");
        OpenSsl.succeed(dir, "x509", "-req", "-in", "operator-server.csr", "-CA", "operator-ca.pem",
                "-CAkey", "operator-ca.key", "-CAcreateserial", "-days", String.valueOf(days), "-extfile", "server.ext",
                "-out", "operator-server.pem");
        OpenSsl.succeed(dir, "pkcs12", "-export", "-inkey", "operator-server.key", "-in", "operator-server.pem",
                "-certfile", "operator-ca.pem", "-name", "operator-tls", "-passout", "pass:" + PASSWORD, "-out", file);
        return dir.resolve(file);
    }

    private String fingerprint(X509Certificate certificate) {
        OpenSsl.writePem(dir.resolve("served.pem"), "CERTIFICATE", der(certificate));
        return OpenSsl.succeed(dir, "x509", "-in", "served.pem", "-noout", "-fingerprint", "-sha256");
    }

    private void pem(Path p12, String out) {
        OpenSsl.succeed(dir, "pkcs12", "-in", p12.toString(), "-passin", "pass:" + PASSWORD, "-nokeys", "-clcerts",
                "-out", out);
    }

    private CaKeyMaterial issuer() {
        return DevelopmentTlsIssuer.loadOrCreate(dir.resolve("tls/issuer.p12"), CA_PASSWORD, NOW);
    }

    private CaKeyMaterial ca(String file) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), CA_PASSWORD, CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
