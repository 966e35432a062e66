package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.CertificateAuthorityPort.SignedCertificate;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
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
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    void theCaKeySignsAProbeThatVerifiesWithTheCaCertificate() {
        authority(CaKeyType.P256).checkSigningKey();
    }

    @Test
    void anRsaCaKeySignsAProbeToo() {
        authority(CaKeyType.RSA2048).checkSigningKey();
    }

    @Test
    void aCaKeyThatDoesNotMatchTheCaCertificateFailsTheCheck() {
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD, CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
        CaKeyMaterial other = CaKeyStore.loadOrCreate(dir.resolve("other.p12"), PASSWORD, CaKeyType.P256,
                "CN=Other CA,O=Test Bank,C=JP", Clock.systemUTC());
        BouncyCastleCertificateAuthority mismatched = new BouncyCastleCertificateAuthority(
                new CaKeyMaterial(other.privateKey(), ca.certificate()), CRL);

        IllegalStateException failure = assertThrows(IllegalStateException.class, mismatched::checkSigningKey);
        assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
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

        CertificateRequestRejectedException refused = assertThrows(CertificateRequestRejectedException.class,
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

        CertificateRequestRejectedException refused = assertThrows(CertificateRequestRejectedException.class,
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

    @ParameterizedTest
    @EnumSource(CaKeyType.class)
    void crlVerifiesWithOpenSslAndListsEachSerialWithItsReasonTheCrlNumberAndNextUpdate(CaKeyType type) {
        BouncyCastleCertificateAuthority authority = authority(type);
        Instant thisUpdate = Instant.parse("2026-04-01T09:00:00Z");
        Instant nextUpdate = Instant.parse("2026-04-08T09:00:00Z");
        List<RevokedCertificate> revoked = List.of(
                revoked("0A1B2C", "2026-03-30T10:15:30Z", RevocationReason.KEY_COMPROMISE),
                revoked("7E3A9C0B12F45D6E8A1B2C3D4E5F6071", "2026-03-31T23:59:59Z", RevocationReason.SUPERSEDED),
                revoked("5D", "2026-03-01T00:00:00Z", RevocationReason.CESSATION_OF_OPERATION),
                revoked("01", "2026-03-02T00:00:00Z", RevocationReason.AFFILIATION_CHANGED),
                revoked("02", "2026-03-03T00:00:00Z", RevocationReason.PRIVILEGE_WITHDRAWN));

        byte[] crl = authority.signCrl(revoked, thisUpdate, nextUpdate, BigInteger.valueOf(4711));

        Path file = write(crl);
        assertTrue(OpenSsl.succeed(dir, "crl", "-inform", "DER", "-in", file.getFileName().toString(),
                "-CAfile", "ca.pem", "-noout", "-verify").contains("verify OK"));
        String text = crlText(file);
        assertTrue(text.contains("Version 2 (0x1)"), text);
        assertTrue(text.contains("Issuer: C = JP, O = Test Bank, CN = Test Bank Client CA"), text);
        assertTrue(text.contains(type == CaKeyType.P256 ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption"), text);
        assertTrue(text.contains("Last Update: Apr  1 09:00:00 2026 GMT"), text);
        assertTrue(text.contains("Next Update: Apr  8 09:00:00 2026 GMT"), text);
        assertTrue(text.contains("X509v3 CRL Number: \n                4711"), text);
        assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
        assertEntry(text, "0A1B2C", "Mar 30 10:15:30 2026 GMT", "Key Compromise");
        assertEntry(text, "7E3A9C0B12F45D6E8A1B2C3D4E5F6071", "Mar 31 23:59:59 2026 GMT", "Superseded");
        assertEntry(text, "5D", "Mar  1 00:00:00 2026 GMT", "Cessation Of Operation");
        assertEntry(text, "01", "Mar  2 00:00:00 2026 GMT", "Affiliation Changed");
        assertEntry(text, "02", "Mar  3 00:00:00 2026 GMT", "Privilege Withdrawn");
    }

    @Test
    void crlAuthorityKeyIdentifierIsTheCaCertificatesSubjectKeyIdentifier() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);

        Path file = write(authority.signCrl(List.of(), Instant.parse("2026-04-01T09:00:00Z"),
                Instant.parse("2026-04-08T09:00:00Z"), BigInteger.ONE));

        String ca = OpenSsl.succeed(dir, "x509", "-in", "ca.pem", "-noout", "-ext", "subjectKeyIdentifier");
        String keyId = ca.lines().map(String::strip).filter(line -> line.matches("([0-9A-F]{2}:)+[0-9A-F]{2}"))
                .findFirst().orElseThrow(() -> new AssertionError(ca));
        String text = crlText(file);
        assertTrue(text.contains("X509v3 Authority Key Identifier: \n                " + keyId), text);
    }

    @Test
    void unspecifiedReasonIsLeftOutOfTheEntryAsRfc5280Recommends() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);

        Path file = write(authority.signCrl(
                List.of(revoked("0B", "2026-03-30T10:15:30Z", RevocationReason.UNSPECIFIED)),
                Instant.parse("2026-04-01T09:00:00Z"), Instant.parse("2026-04-08T09:00:00Z"), BigInteger.TWO));

        String text = crlText(file);
        assertTrue(text.contains("Serial Number: 0B\n        Revocation Date: Mar 30 10:15:30 2026 GMT"), text);
        assertFalse(text.contains("CRL entry extensions") || text.contains("Reason"), text);
    }

    @ParameterizedTest
    @EnumSource(CaKeyType.class)
    void emptyCrlVerifiesAndSaysNoRevokedCertificates(CaKeyType type) {
        BouncyCastleCertificateAuthority authority = authority(type);

        Path file = write(authority.signCrl(List.of(), Instant.parse("2026-04-01T09:00:00Z"),
                Instant.parse("2026-04-08T09:00:00Z"), BigInteger.ZERO));

        assertTrue(OpenSsl.succeed(dir, "crl", "-inform", "DER", "-in", file.getFileName().toString(),
                "-CAfile", "ca.pem", "-noout", "-verify").contains("verify OK"));
        String text = crlText(file);
        assertTrue(text.contains("No Revoked Certificates."), text);
        assertTrue(text.contains("X509v3 CRL Number: \n                0"), text);
    }

    @ParameterizedTest
    @EnumSource(CaKeyType.class)
    void certificateListedInTheCrlFailsOpenSslVerifyAsRevokedAndAnotherPasses(CaKeyType type) {
        BouncyCastleCertificateAuthority authority = authority(type);
        CheckedRequest request = authority.checkRequest(
                ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "x"));
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        SerialNumber revokedSerial = SerialNumber.ofHex("6F00000000000000000000000000A001");
        SerialNumber goodSerial = SerialNumber.ofHex("6F00000000000000000000000000A002");
        OpenSsl.writePem(dir.resolve("revoked.pem"), "CERTIFICATE", authority.sign(request, SUBJECT, revokedSerial,
                now.minusSeconds(3600), now.plus(Duration.ofDays(365))).der());
        OpenSsl.writePem(dir.resolve("good.pem"), "CERTIFICATE", authority.sign(request, SUBJECT, goodSerial,
                now.minusSeconds(3600), now.plus(Duration.ofDays(365))).der());

        byte[] crl = authority.signCrl(
                List.of(new RevokedCertificate(revokedSerial, now.minusSeconds(60), RevocationReason.KEY_COMPROMISE)),
                now.minusSeconds(60), now.plus(Duration.ofDays(7)), BigInteger.ONE);

        OpenSsl.writePem(dir.resolve("crl.pem"), "X509 CRL", crl);
        OpenSsl.Result refused = OpenSsl.run(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem",
                "revoked.pem");
        assertTrue(refused.exitCode() != 0 && refused.output().contains("certificate revoked"), refused.output());
        assertTrue(OpenSsl.succeed(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "good.pem")
                .contains("good.pem: OK"));
    }

    @Test
    void crlIsWhatBouncyCastlesCrlBuilderMakesByteForByte() throws Exception {
        // RSA PKCS#1 v1.5 signatures are deterministic, so the whole CRL must match, signature included
        CaKeyMaterial ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD, CaKeyType.RSA2048,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
        BouncyCastleCertificateAuthority authority = new BouncyCastleCertificateAuthority(ca, CRL);
        Instant thisUpdate = Instant.parse("2049-12-31T23:59:59Z");
        Instant nextUpdate = Instant.parse("2050-01-07T00:00:00Z");
        // UTCTime through 2049, GeneralizedTime from 2050; a fraction of a second is dropped
        List<RevokedCertificate> revoked = List.of(
                revoked("0A1B2C", "2026-03-30T10:15:30.987654Z", RevocationReason.KEY_COMPROMISE),
                revoked("0B", "2049-12-31T23:59:59Z", RevocationReason.UNSPECIFIED),
                revoked("7E3A9C0B12F45D6E8A1B2C3D4E5F6071", "2050-01-01T00:00:00Z", RevocationReason.SUPERSEDED),
                revoked("FF", "1999-12-31T23:59:59Z", RevocationReason.PRIVILEGE_WITHDRAWN));

        byte[] ours = authority.signCrl(revoked, thisUpdate, nextUpdate, new BigInteger("123456789012345678901234567890"));

        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate))
                .setNextUpdate(Date.from(nextUpdate));
        for (RevokedCertificate entry : revoked) {
            builder.addCRLEntry(entry.serial().value(), Date.from(entry.revokedAt()), entry.reason().code());
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false, Certificates.authorityKeyIdentifier(ca.certificate()))
                .addExtension(Extension.cRLNumber, false, new CRLNumber(new BigInteger("123456789012345678901234567890")));
        byte[] theirs = builder.build(Certificates.signer(ca.privateKey())).getEncoded();
        assertEquals(HexFormat.of().formatHex(theirs), HexFormat.of().formatHex(ours));
        assertEquals(CertificateList.getInstance(theirs), CertificateList.getInstance(ours));
    }

    @Test
    void refusesCrlTimesWithFractionsOfASecond() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        Instant whole = Instant.parse("2026-04-01T09:00:00Z");

        assertThrows(IllegalArgumentException.class, () -> authority.signCrl(List.of(),
                whole.plusMillis(500), whole.plus(Duration.ofDays(7)), BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> authority.signCrl(List.of(),
                whole, whole.plus(Duration.ofDays(7)).plusNanos(1), BigInteger.ONE));
    }

    @Test
    void refusesACrlWhoseNextUpdateIsNotAfterThisUpdate() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        Instant thisUpdate = Instant.parse("2026-04-01T09:00:00Z");

        assertThrows(IllegalArgumentException.class,
                () -> authority.signCrl(List.of(), thisUpdate, thisUpdate, BigInteger.ONE));
    }

    @Test
    void refusesANegativeCrlNumberAndOneLongerThanTwentyOctets() {
        BouncyCastleCertificateAuthority authority = authority(CaKeyType.P256);
        Instant thisUpdate = Instant.parse("2026-04-01T09:00:00Z");
        Instant nextUpdate = thisUpdate.plus(Duration.ofDays(7));

        assertThrows(IllegalArgumentException.class,
                () -> authority.signCrl(List.of(), thisUpdate, nextUpdate, BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> authority.signCrl(List.of(), thisUpdate, nextUpdate, BigInteger.ONE.shiftLeft(159)));
        authority.signCrl(List.of(), thisUpdate, nextUpdate, BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE));
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

    private static RevokedCertificate revoked(String serialHex, String revokedAt, RevocationReason reason) {
        return new RevokedCertificate(SerialNumber.ofHex(serialHex), Instant.parse(revokedAt), reason);
    }

    private Path write(byte[] crlDer) {
        Path file = dir.resolve("crl.der");
        try {
            Files.write(file, crlDer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private String crlText(Path crlDer) {
        return OpenSsl.succeed(dir, "crl", "-inform", "DER", "-in", crlDer.getFileName().toString(), "-noout", "-text");
    }

    /** The entry as OpenSSL prints it: serial, revocation date, then its reason. */
    private static void assertEntry(String text, String serial, String date, String reason) {
        assertTrue(text.contains("Serial Number: " + serial + "\n        Revocation Date: " + date
                + "\n        CRL entry extensions:\n            X509v3 CRL Reason Code: \n                " + reason + "\n"),
                () -> serial + " " + reason + " not found in\n" + text);
    }

    private static SignedCertificate signFor(BouncyCastleCertificateAuthority authority, byte[] csr, SubjectName subject) {
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return authority.sign(authority.checkRequest(csr), subject, SERIAL, notBefore, notBefore.plus(Duration.ofDays(365)));
    }

    private void assertRefused(Code code, String message, byte[] csr) {
        CertificateRequestRejectedException refused = assertThrows(CertificateRequestRejectedException.class,
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
