package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateAuthorityPort.SignedCertificate;
import certrenewal.application.port.out.MalformedOcspRequestException;
import certrenewal.application.port.out.OcspResponderPort;
import certrenewal.application.port.out.OcspResponderPort.OcspQuestion;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.RevocationStatus;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delegated OCSP responder's certificate, its answers and the AIA of issued certificates, judged by OpenSSL. */
class OcspResponderTest {
    private static final char[] PASSWORD = "store-secret".toCharArray();
    private static final URI CRL = URI.create("http://pki.test-bank.example/crl/ca.crl");
    private static final URI OCSP = URI.create("http://pki.test-bank.example/ocsp");
    private static final SubjectName SUBJECT = new SubjectName("JP", "Test Trading Co.", "C0001234", "user01");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private CaKeyMaterial ca;
    private BouncyCastleCertificateAuthority authority;

    @BeforeEach
    void ca() throws Exception {
        ca = CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), PASSWORD, CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
        OpenSsl.writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());
        authority = new BouncyCastleCertificateAuthority(ca, CRL, Optional.of(OCSP));
    }

    @Test
    void issuedCertificatesNameTheOcspResponderInAuthorityInformationAccessAndTheCrl() {
        issue("cert.pem", "7E3A9C0B12F45D6E8A1B2C3D4E5F6071");

        String text = OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-text");
        assertTrue(text.contains("Authority Information Access"), text);
        assertTrue(text.contains("OCSP - URI:" + OCSP), text);
        assertTrue(text.contains("URI:" + CRL), text);
        assertEquals(OCSP + "\n", OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-ocsp_uri"));
    }

    @Test
    void withoutAnOcspResponderCertificatesHaveNoAuthorityInformationAccess() {
        authority = new BouncyCastleCertificateAuthority(ca, CRL);
        issue("cert.pem", "7E3A9C0B12F45D6E8A1B2C3D4E5F6071");

        assertFalse(OpenSsl.succeed(dir, "x509", "-in", "cert.pem", "-noout", "-text")
                .contains("Authority Information Access"));
    }

    @Test
    void theResponderCertificateIsIssuedByTheCaForOcspSigningWithNoCheck() throws Exception {
        OcspResponderKeyStore.Loaded loaded = OcspResponderKeyStore.loadOrIssue(dir.resolve("ocsp.p12"), PASSWORD, ca,
                Clock.systemUTC());
        assertEquals(OcspResponderKeyStore.Written.CREATED, loaded.written());
        OpenSsl.writePem(dir.resolve("ocsp.pem"), "CERTIFICATE", loaded.material().certificate().getEncoded());

        String text = OpenSsl.succeed(dir, "x509", "-in", "ocsp.pem", "-noout", "-text");
        assertTrue(text.contains("X509v3 Extended Key Usage: \n                OCSP Signing"), text);
        assertTrue(text.contains("OCSP No Check"), text);
        assertTrue(text.contains("CA:FALSE"), text);
        assertTrue(text.contains("Digital Signature"), text);
        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-purpose", "ocsphelper", "ocsp.pem")
                .contains("ocsp.pem: OK"));
        X509Certificate certificate = loaded.material().certificate();
        assertEquals(Duration.ofDays(OcspResponderKeyStore.VALIDITY_DAYS),
                Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
    }

    @Test
    void theResponderKeyIsKeptAndRenewedOnlyWhenItNearsItsExpiry() {
        Path store = dir.resolve("ocsp.p12");
        OcspSigningKeyMaterial first = OcspResponderKeyStore.loadOrIssue(store, PASSWORD, ca, Clock.systemUTC()).material();

        OcspResponderKeyStore.Loaded again = OcspResponderKeyStore.loadOrIssue(store, PASSWORD, ca, Clock.systemUTC());
        assertEquals(OcspResponderKeyStore.Written.NOTHING, again.written());
        assertEquals(first.certificate(), again.material().certificate());

        Instant renewFrom = first.certificate().getNotAfter().toInstant()
                .minus(Duration.ofDays(OcspResponderKeyStore.RENEW_BEFORE_DAYS));
        OcspResponderKeyStore.Loaded beforeIt = OcspResponderKeyStore.loadOrIssue(store, PASSWORD, ca,
                Clock.fixed(renewFrom.minusSeconds(1), ZoneOffset.UTC));
        assertEquals(OcspResponderKeyStore.Written.NOTHING, beforeIt.written());
        OcspResponderKeyStore.Loaded renewed = OcspResponderKeyStore.loadOrIssue(store, PASSWORD, ca,
                Clock.fixed(renewFrom, ZoneOffset.UTC));
        assertEquals(OcspResponderKeyStore.Written.RENEWED, renewed.written());
        assertNotEquals(first.certificate(), renewed.material().certificate());
        assertEquals(renewed.material().certificate(),
                OcspResponderKeyStore.load(store, PASSWORD, ca.certificate(), Clock.fixed(renewFrom, ZoneOffset.UTC))
                        .certificate());
    }

    @Test
    void productionRefusesAResponderKeyThatIsMissingNotForOcspSigningOrOfAnotherCa() throws Exception {
        assertTrue(assertThrows(UnusableKeyStoreException.class, () -> OcspResponderKeyStore.load(
                dir.resolve("missing.p12"), PASSWORD, ca.certificate(), Clock.systemUTC())).getMessage()
                .contains("does not exist"));

        CaKeyMaterial otherCa = CaKeyStore.loadOrCreate(dir.resolve("other.p12"), PASSWORD, CaKeyType.P256,
                "CN=Other CA", Clock.systemUTC());
        OcspResponderKeyStore.loadOrIssue(dir.resolve("foreign.p12"), PASSWORD, otherCa, Clock.systemUTC());
        assertTrue(assertThrows(UnusableKeyStoreException.class, () -> OcspResponderKeyStore.load(
                dir.resolve("foreign.p12"), PASSWORD, ca.certificate(), Clock.systemUTC())).getMessage()
                .contains("not issued by the client CA"));

        // a key of the CA's own kind (CA:TRUE, no OCSPSigning), put where the responder's belongs
        Pkcs12.write(dir.resolve("wrong.p12"), OcspResponderKeyStore.ALIAS, ca.privateKey(),
                List.of(ca.certificate()), PASSWORD);
        assertTrue(assertThrows(UnusableKeyStoreException.class, () -> OcspResponderKeyStore.load(
                dir.resolve("wrong.p12"), PASSWORD, ca.certificate(), Clock.systemUTC())).getMessage()
                .contains("id-kp-OCSPSigning"));
        assertFalse(Files.exists(dir.resolve("missing.p12")), "production never writes one");
    }

    @Test
    void openSslVerifiesAnswersGoodRevokedWithReasonAndUnknownAndTheEchoedNonce() throws Exception {
        BouncyCastleOcspResponder responder = responder();
        issue("good.pem", "7E3A9C0B12F45D6E8A1B2C3D4E5F6071");
        issue("revoked.pem", "7E3A9C0B12F45D6E8A1B2C3D4E5F6072");
        issue("unknown.pem", "7E3A9C0B12F45D6E8A1B2C3D4E5F6073");
        OpenSsl.succeed(dir, "ocsp", "-issuer", "ca.pem", "-cert", "good.pem", "-cert", "revoked.pem",
                "-cert", "unknown.pem", "-reqout", "req.der");
        OcspQuestion question = responder.read(OpenSsl.read(dir.resolve("req.der")));
        assertEquals(List.of(SerialNumber.ofHex("7E3A9C0B12F45D6E8A1B2C3D4E5F6071"),
                        SerialNumber.ofHex("7E3A9C0B12F45D6E8A1B2C3D4E5F6072"),
                        SerialNumber.ofHex("7E3A9C0B12F45D6E8A1B2C3D4E5F6073")),
                question.certificates().stream().map(c -> c.serial().orElseThrow()).toList());
        assertTrue(question.nonce().isPresent(), "openssl sends a nonce by default");
        Instant revokedAt = NOW.minusSeconds(3600);

        byte[] answer = responder.answer(question, List.of(new RevocationStatus.Good(),
                new RevocationStatus.Revoked(revokedAt, RevocationReason.KEY_COMPROMISE),
                new RevocationStatus.Unknown()), NOW);

        Files.write(dir.resolve("resp.der"), answer);
        // against the request it answers: its signature, and the nonce (openssl fails on a missing or other one)
        String checked = OpenSsl.succeed(dir, "ocsp", "-respin", "resp.der", "-reqin", "req.der", "-CAfile", "ca.pem",
                "-resp_text");
        assertTrue(checked.contains("Response verify OK"), checked);
        assertFalse(checked.contains("WARNING: no nonce in response"), checked);
        assertArrayEquals(question.nonce().orElseThrow(), echoedNonce(answer));
        // the verdict for each certificate (a request made anew from -cert, so its nonce is not checked here)
        String verdicts = OpenSsl.succeed(dir, "ocsp", "-respin", "resp.der", "-issuer", "ca.pem", "-CAfile", "ca.pem",
                "-no_nonce", "-cert", "good.pem", "-cert", "revoked.pem", "-cert", "unknown.pem");
        assertTrue(verdicts.contains("Response verify OK"), verdicts);
        assertTrue(verdicts.contains("good.pem: good"), verdicts);
        assertTrue(verdicts.contains("revoked.pem: revoked"), verdicts);
        assertTrue(verdicts.contains("Reason: keyCompromise"), verdicts);
        assertTrue(verdicts.contains("unknown.pem: unknown"), verdicts);
    }

    @Test
    void aRequestWithoutNonceGetsAnAnswerWithoutOneAndAnotherIssuersCertificateIsUnknown() throws Exception {
        BouncyCastleOcspResponder responder = responder();
        CaKeyMaterial otherCa = CaKeyStore.loadOrCreate(dir.resolve("other.p12"), PASSWORD, CaKeyType.P256,
                "CN=Other CA", Clock.systemUTC());
        OpenSsl.writePem(dir.resolve("other.pem"), "CERTIFICATE", otherCa.certificate().getEncoded());
        SignedCertificate foreign = new BouncyCastleCertificateAuthority(otherCa, CRL).sign(
                authority.checkRequest(OpenSsl.certificationRequest(dir, "/CN=x", "-algorithm", "EC",
                        "-pkeyopt", "ec_paramgen_curve:P-256")),
                SUBJECT, SerialNumber.ofHex("7E3A9C0B12F45D6E8A1B2C3D4E5F6071"), NOW.minusSeconds(60), NOW.plusSeconds(3600));
        OpenSsl.writePem(dir.resolve("foreign.pem"), "CERTIFICATE", foreign.der());
        OpenSsl.succeed(dir, "ocsp", "-issuer", "other.pem", "-cert", "foreign.pem", "-no_nonce", "-reqout", "req.der");

        OcspQuestion question = responder.read(OpenSsl.read(dir.resolve("req.der")));

        assertEquals(Optional.empty(), question.certificates().getFirst().serial(), "not a certificate of this CA");
        assertEquals(Optional.empty(), question.nonce());
        byte[] answer = responder.answer(question, List.of(new RevocationStatus.Unknown()), NOW);
        assertEquals(null, new OCSPResp(answer).getResponseObject() instanceof org.bouncycastle.cert.ocsp.BasicOCSPResp b
                ? b.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce) : "not basic");
    }

    @Test
    void somethingElseThanAnOcspRequestIsMalformedAndGetsAMalformedRequestResponse() throws Exception {
        BouncyCastleOcspResponder responder = responder();

        for (byte[] junk : List.of(new byte[0], new byte[] {0x30, 0x00}, "GET / HTTP/1.1".getBytes(),
                ca.certificate().getEncoded())) {
            assertThrows(MalformedOcspRequestException.class, () -> responder.read(junk));
        }
        OCSPResp refusal = new OCSPResp(responder.refusal(OcspResponderPort.Refusal.MALFORMED_REQUEST));
        assertEquals(OCSPResp.MALFORMED_REQUEST, refusal.getStatus());
        assertEquals(OCSPResp.INTERNAL_ERROR,
                new OCSPResp(responder.refusal(OcspResponderPort.Refusal.INTERNAL_ERROR)).getStatus());
    }

    private BouncyCastleOcspResponder responder() {
        OcspSigningKeyMaterial key = OcspResponderKeyStore.loadOrIssue(dir.resolve("ocsp.p12"), PASSWORD, ca,
                Clock.systemUTC()).material();
        return new BouncyCastleOcspResponder(ca.certificate(), key);
    }

    private void issue(String file, String serialHex) {
        SignedCertificate signed = authority.sign(authority.checkRequest(OpenSsl.certificationRequest(dir, "/CN=x",
                        "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")),
                SUBJECT, SerialNumber.ofHex(serialHex), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
        OpenSsl.writePem(dir.resolve(file), "CERTIFICATE", signed.der());
    }

    private static byte[] echoedNonce(byte[] answer) throws Exception {
        var basic = (org.bouncycastle.cert.ocsp.BasicOCSPResp) new OCSPResp(answer).getResponseObject();
        return basic.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getExtnValue().getOctets();
    }
}
