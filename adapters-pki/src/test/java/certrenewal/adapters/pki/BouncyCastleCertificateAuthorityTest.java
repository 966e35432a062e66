package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.CertificateAuthorityPort.SignedCertificate;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BouncyCastleCertificateAuthorityTest {
    private static final char[] PASSWORD = "ca-store-secret".toCharArray();
    private static final URI CRL = URI.create("http://pki.test-bank.example/crl/client-ca.crl");
    private static final String ATTACKER = "/CN=attacker/O=Evil";
    private static final SerialNumber SERIAL = SerialNumber.ofHex("7E3A9C0B12F45D6E8A1B2C3D4E5F6071");
    private static final SubjectName SUBJECT = new SubjectName("JP", "Test Trading Co.", "C0001234", "user01");

    @TempDir
    Path dir;

    @Test
    void issuedCertificateVerifiesWithOpenSslAndNamesTheBanksSubjectNotTheRequests() throws Exception {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        CheckedRequest request = authority.checkRequest(OpenSsl.certificationRequest(dir, ATTACKER,
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"));
        assertEquals("EC P-256", request.keyDescription());
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant notAfter = notBefore.plus(Duration.ofDays(365));

        SignedCertificate signed = authority.sign(request, SUBJECT, SERIAL, notBefore, notAfter);

        OpenSsl.writePem(dir.resolve("cert.pem"), "CERTIFICATE", signed.der());
        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "cert.pem")
                .contains("cert.pem: OK"));
        String subject = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-subject");
        assertEquals("subject=C = JP, O = Test Trading Co., OU = C0001234, CN = user01", subject.strip());
        assertFalse(subject.contains("attacker") || subject.contains("Evil"), subject);
        String text = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-text");
        assertTrue(text.contains("Version: 3 (0x2)"), text);
        assertTrue(text.contains("X509v3 Basic Constraints: critical\n                CA:FALSE"), text);
        assertTrue(text.contains("X509v3 Key Usage: critical\n                Digital Signature\n"), text);
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertTrue(text.contains("URI:" + CRL), text);
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
        assertTrue(text.contains("ecdsa-with-SHA256"), text);
        String serial = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-serial").strip();
        assertEquals(SERIAL.value(), new BigInteger(serial.substring("serial=".length()), 16));
        String dates = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-dates", "-dateopt", "iso_8601");
        assertTrue(dates.contains("notBefore=" + iso(notBefore)) && dates.contains("notAfter=" + iso(notAfter)), dates);
    }

    @Test
    void fingerprintAndIssuerAreWhatOpenSslSays() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        SignedCertificate signed = signFor(authority, OpenSsl.certificationRequest(dir, ATTACKER,
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"), SUBJECT);

        OpenSsl.writePem(dir.resolve("cert.pem"), "CERTIFICATE", signed.der());
        String fingerprint = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256");
        assertEquals("sha256 Fingerprint=" + signed.sha256Fingerprint(), fingerprint.strip().replace(":", ""));
        String issuer = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-issuer", "-nameopt", "RFC2253");
        assertEquals("issuer=" + signed.issuer(), issuer.strip());
        assertEquals("CN=Test Bank Client CA,O=Test Bank,C=JP", signed.issuer());
    }

    @Test
    void rsaCaIssuesForAnRsa3072RequestAndOpenSslVerifiesIt() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.RSA2048);
        byte[] csr = OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072");
        assertEquals("RSA 3072", authority.checkRequest(csr).keyDescription());

        SignedCertificate signed = signFor(authority, csr, SUBJECT);

        OpenSsl.writePem(dir.resolve("cert.pem"), "CERTIFICATE", signed.der());
        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "cert.pem")
                .contains("cert.pem: OK"));
        String text = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-text");
        assertTrue(text.contains("Signature Algorithm: sha256WithRSAEncryption"), text);
        assertTrue(text.contains("Public-Key: (3072 bit)"), text);
        assertTrue(text.contains("CA:FALSE") && text.contains("TLS Web Client Authentication"), text);
        assertTrue(text.contains("Subject: C = JP, O = Test Trading Co., OU = C0001234, CN = user01"), text);
    }

    @Test
    void japaneseContractNameSurvivesInTheSubject() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        SubjectName japanese = new SubjectName("JP", "株式会社𠮷野テスト", "C0009876", "admin-01");

        SignedCertificate signed = signFor(authority, OpenSsl.certificationRequest(dir, ATTACKER,
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"), japanese);

        OpenSsl.writePem(dir.resolve("cert.pem"), "CERTIFICATE", signed.der());
        String subject = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-subject", "-nameopt", "utf8");
        assertEquals("subject=C=JP, O=株式会社𠮷野テスト, OU=C0009876, CN=admin-01", subject.strip());
    }

    @Test
    void nameStartingWithHashIsTakenLiterallyNotAsEncodedData() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        SubjectName hash = new SubjectName("JP", "#0C0145", "C0001234", "user01");

        SignedCertificate signed = signFor(authority, OpenSsl.certificationRequest(dir, ATTACKER,
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"), hash);

        OpenSsl.writePem(dir.resolve("cert.pem"), "CERTIFICATE", signed.der());
        String subject = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-subject");
        assertEquals("subject=C = JP, O = \"#0C0145\", OU = C0001234, CN = user01", subject.strip());
    }

    @Test
    void concurrentSigningYieldsOnlyCertificatesThatPassThePreIssuanceCheck() throws Exception {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        CheckedRequest request = authority.checkRequest(
                ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "x"));
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        List<Callable<SignedCertificate>> signings = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            SerialNumber serial = new SerialNumber(BigInteger.valueOf(i));
            signings.add(() -> authority.sign(request, SUBJECT, serial, notBefore, notBefore.plus(Duration.ofDays(365))));
        }

        Set<String> fingerprints = new HashSet<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<SignedCertificate> signed : threads.invokeAll(signings)) {
                // a signer shared between threads would produce a bad signature, which the check turns into an exception
                fingerprints.add(signed.get().sha256Fingerprint());
            }
        }
        assertEquals(400, fingerprints.size());
    }

    @Test
    void refusesRsa1024SayingHowManyBitsItHas() {
        assertRefused(Code.KEY_NOT_ACCEPTED, "RSA keys must have 2048, 3072 or 4096 bits; this one has 1024.",
                OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"));
    }

    @Test
    void refusesRsaWithPublicExponent3() {
        assertRefused(Code.KEY_NOT_ACCEPTED, "RSA public exponent must be 65537.",
                OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "RSA",
                        "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_keygen_pubexp:3"));
    }

    @Test
    void refusesEcP521() {
        assertRefused(Code.KEY_NOT_ACCEPTED, "Only EC curves P-256 and P-384 are accepted.",
                OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"));
    }

    @Test
    void refusesEcSecp256k1() {
        assertRefused(Code.KEY_NOT_ACCEPTED, "Only EC curves P-256 and P-384 are accepted.",
                OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"));
    }

    @Test
    void refusesEd25519NamingTheKeyType() {
        assertRefused(Code.KEY_NOT_ACCEPTED, "Key type Ed25519 is not accepted; use EC P-256/P-384 or RSA.",
                OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "ED25519"));
    }

    @Test
    void refusesAnEcPointThatIsNotOnTheCurve() throws Exception {
        byte[] csr = OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        byte[] point = new PKCS10CertificationRequest(csr).getSubjectPublicKeyInfo().getPublicKeyData().getOctets();
        int lastByteOfY = indexOf(csr, point) + point.length - 1;
        csr[lastByteOfY] ^= 0x01;

        assertRefused(Code.KEY_NOT_ACCEPTED, "The EC public key is not a valid point on P-256.", csr);
    }

    @Test
    void refusesAnRsaKeyWithTheRocaFingerprint() {
        KeyPair roca = rocaStyleRsa2048();
        byte[] csr = ClientCredentials.certificationRequest(roca, "roca");

        RequestRefusedException refused = assertThrows(RequestRefusedException.class,
                () -> authority(CaKeyType.P256).checkRequest(csr));

        assertEquals(Code.KEY_NOT_ACCEPTED, refused.rejection().code());
        assertTrue(refused.rejection().message().contains("ROCA"), refused.rejection().message());
    }

    @Test
    void acceptsAnOrdinaryRsa2048KeyMadeHere() {
        byte[] csr = ClientCredentials.certificationRequest(ClientCredentials.generateRsa(2048), "ordinary");

        assertEquals("RSA 2048", authority(CaKeyType.P256).checkRequest(csr).keyDescription());
    }

    @Test
    void refusesARequestWhoseSignatureWasTampered() {
        byte[] csr = OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        csr[csr.length - 1] ^= 0x01;

        assertRefused(Code.BAD_REQUEST_SIGNATURE, Code.BAD_REQUEST_SIGNATURE.defaultMessage(), csr);
    }

    @Test
    void refusesARequestSignedWithSha1() {
        String key = "sha1.key";
        OpenSsl.succeed(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
        OpenSsl.succeed(dir, "req", "-new", "-sha1", "-key", key, "-subj", ATTACKER, "-outform", "DER", "-out", "sha1.der");

        RequestRefusedException refused = assertThrows(RequestRefusedException.class,
                () -> authority(CaKeyType.P256).checkRequest(OpenSsl.read(dir.resolve("sha1.der"))));

        assertEquals(Code.BAD_REQUEST_SIGNATURE, refused.rejection().code());
        assertTrue(refused.rejection().message().contains("SHA-256 or stronger"), refused.rejection().message());
    }

    @Test
    void refusesGarbageAsMalformed() {
        assertRefused(Code.MALFORMED_REQUEST, Code.MALFORMED_REQUEST.defaultMessage(),
                "this is not a certification request".getBytes());
    }

    @Test
    void refusesAnEmptyRequestAsMalformed() {
        assertRefused(Code.MALFORMED_REQUEST, Code.MALFORMED_REQUEST.defaultMessage(), new byte[0]);
    }

    @Test
    void refusesATruncatedRequestAsMalformed() {
        byte[] csr = OpenSsl.certificationRequest(dir, ATTACKER, "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");

        assertRefused(Code.MALFORMED_REQUEST, Code.MALFORMED_REQUEST.defaultMessage(),
                Arrays.copyOf(csr, csr.length / 2));
    }

    @Test
    void refusesValidityTimesWithFractionsOfASecond() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        CheckedRequest request = authority.checkRequest(
                ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "x"));
        Instant notBefore = Instant.parse("2030-01-01T00:00:00.500Z");

        assertThrows(IllegalArgumentException.class, () -> authority.sign(request, SUBJECT, SERIAL,
                notBefore, notBefore.plus(Duration.ofDays(365))));
    }

    @Test
    void caCertificatesListsTheCaCertificate() throws Exception {
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD, CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());

        var certificates = new BouncyCastleCertificateAuthority(ca, CRL).caCertificates();

        assertEquals(1, certificates.size());
        assertEquals(HexFormat.of().formatHex(ca.certificate().getEncoded()), HexFormat.of().formatHex(certificates.get(0)));
    }

    private BouncyCastleCertificateAuthority authority(CaKeyType type) {
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD, type,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
        try {
            OpenSsl.writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return new BouncyCastleCertificateAuthority(ca, CRL);
    }

    private static SignedCertificate signFor(BouncyCastleCertificateAuthority authority, byte[] csr, SubjectName subject) {
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return authority.sign(authority.checkRequest(csr), subject, SERIAL, notBefore, notBefore.plus(Duration.ofDays(365)));
    }

    private void assertRefused(Code code, String message, byte[] csr) {
        RequestRefusedException refused = assertThrows(RequestRefusedException.class,
                () -> authority(CaKeyType.P256).checkRequest(csr));
        assertEquals(Rejection.of(code, message), refused.rejection());
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    /**
     * An RSA key built like the Infineon keys with the ROCA flaw: each prime is k*M + (65537^a mod M), M a primorial.
     * Real and usable, so only the fingerprint can be the reason for refusing it.
     */
    private static KeyPair rocaStyleRsa2048() {
        SecureRandom random = new SecureRandom();
        BigInteger primorial = BigInteger.ONE;
        for (int prime = 2; prime <= 167; prime++) {
            if (BigInteger.valueOf(prime).isProbablePrime(50)) {
                primorial = primorial.multiply(BigInteger.valueOf(prime));
            }
        }
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger p = rocaPrime(primorial, random);
        BigInteger q = rocaPrime(primorial, random);
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        while (!phi.gcd(e).equals(BigInteger.ONE) || p.multiply(q).bitLength() != 2048) {
            p = rocaPrime(primorial, random);
            q = rocaPrime(primorial, random);
            phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        }
        BigInteger n = p.multiply(q);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(n, e)),
                    rsa.generatePrivate(new RSAPrivateKeySpec(n, e.modInverse(phi))));
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static BigInteger rocaPrime(BigInteger primorial, SecureRandom random) {
        // top two bits set, so that the product of two such primes has exactly 2048 bits
        BigInteger low = BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE.shiftLeft(1022)).divide(primorial).add(BigInteger.ONE);
        int kBits = 1024 - primorial.bitLength();
        while (true) {
            BigInteger k = new BigInteger(kBits, random).max(low);
            BigInteger candidate = k.multiply(primorial)
                    .add(BigInteger.valueOf(65537).modPow(new BigInteger(64, random), primorial));
            if (candidate.bitLength() == 1024 && candidate.isProbablePrime(40)) {
                return candidate;
            }
        }
    }
}
