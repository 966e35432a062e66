package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check that stands between signing and handing out: it must refuse what the order did not ask for. */
class PreIssuanceCheckTest {
    private static final SubjectName SUBJECT = new SubjectName("JP", "Test Trading Co.", "C0001234", "user01");
    private static final SerialNumber SERIAL = SerialNumber.ofHex("6B0C");
    private static final Instant NOT_BEFORE = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(365));

    @TempDir
    Path dir;

    @Test
    void acceptsTheCertificateThatWasOrdered() {
        CaKeyMaterial ca = ca("ca.p12");
        CheckedRequest request = request(ca);
        byte[] der = sign(ca, request);

        assertDoesNotThrow(() -> check(ca).check(der, order(SUBJECT, SERIAL, request)));
    }

    @Test
    void refusesACertificateWithAnotherSerialNumber() {
        CaKeyMaterial ca = ca("ca.p12");
        CheckedRequest request = request(ca);
        byte[] der = sign(ca, request);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> check(ca).check(der, order(SUBJECT, SerialNumber.ofHex("6B0D"), request)));
        assertTrue(failure.getMessage().contains("serial number"), failure.getMessage());
    }

    @Test
    void refusesACertificateWithAnotherSubject() {
        CaKeyMaterial ca = ca("ca.p12");
        CheckedRequest request = request(ca);
        byte[] der = sign(ca, request);
        SubjectName other = new SubjectName("JP", "Test Trading Co.", "C0001234", "user02");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> check(ca).check(der, order(other, SERIAL, request)));
        assertTrue(failure.getMessage().contains("subject"), failure.getMessage());
    }

    @Test
    void refusesACertificateSignedByAnotherCa() {
        CaKeyMaterial ca = ca("ca.p12");
        CaKeyMaterial impostor = ca("impostor.p12");
        CheckedRequest request = request(ca);
        byte[] der = sign(impostor, request);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> check(ca).check(der, order(SUBJECT, SERIAL, request)));
        assertTrue(failure.getMessage().contains("signature"), failure.getMessage());
    }

    @Test
    void refusesTheCaCertificateItself() throws Exception {
        CaKeyMaterial ca = ca("ca.p12");
        byte[] caDer = ca.certificate().getEncoded();
        CheckedRequest caKey = new CheckedRequest(ca.certificate().getPublicKey().getEncoded(), "EC P-256");

        assertThrows(IllegalStateException.class, () -> check(ca).check(caDer, order(SUBJECT, SERIAL, caKey)));
    }

    private CaKeyMaterial ca(String file) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), "pw".toCharArray(), CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
    }

    private static CheckedRequest request(CaKeyMaterial ca) {
        return new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"))
                .checkRequest(ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "x"));
    }

    private static byte[] sign(CaKeyMaterial ca, CheckedRequest request) {
        return new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"))
                .sign(request, SUBJECT, SERIAL, NOT_BEFORE, NOT_AFTER).der();
    }

    private static PreIssuanceCheck check(CaKeyMaterial ca) {
        return new PreIssuanceCheck(ca.certificate(), new RequestKeyPolicy(),
                SignatureProviders.of(SignatureCode.AWS_LC_WHERE_USABLE));
    }

    private static PreIssuanceCheck.Order order(SubjectName subject, SerialNumber serial, CheckedRequest request) {
        return new PreIssuanceCheck.Order(subject, serial, NOT_BEFORE, NOT_AFTER, request.subjectPublicKeyInfo());
    }
}
