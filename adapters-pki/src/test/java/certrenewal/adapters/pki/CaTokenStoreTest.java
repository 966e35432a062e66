package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CA key in a real PKCS#11 token (SoftHSM2): made inside it and never extractable, and all that
 * the CA signs with it verified by OpenSSL, as with a key in a PKCS#12 file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaTokenStoreTest {
    private static final String SUBJECT_DN = "CN=Token Bank Client CA,O=Test Bank,C=JP";
    private static final URI CRL = URI.create("http://pki.test-bank.example/crl/client-ca.crl");
    private static final SubjectName SUBJECT = new SubjectName("JP", "Test Trading Co.", "C0001234", "user01");
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CaKeyType.class)
    void theSetUpMakesTheKeyInsideTheTokenWhereNothingCanExtractIt(CaKeyType type) {
        CaKeyMaterial ca = CaTokenStore.loadOrCreate(SoftHsm.token("setup-" + type), type, SUBJECT_DN, CLOCK);

        assertNull(ca.privateKey().getEncoded(), "the JDK gets no encoding of the key");
        assertEquals(type == CaKeyType.P256 ? "EC" : "RSA", ca.privateKey().getAlgorithm());
        String objects = SoftHsm.objects();
        assertTrue(objects.contains("label:      setup-" + type + "\n  subject:    DN: C=JP, O=Test Bank, CN=Token Bank Client CA"),
                "the CA certificate is stored in the token:\n" + objects);
        String[] privateKeys = objects.split("Private Key Object");
        assertTrue(privateKeys.length > 1, objects);
        for (int i = 1; i < privateKeys.length; i++) {
            String attributes = privateKeys[i].split("Object;")[0];
            assertTrue(attributes.contains("sensitive") && attributes.contains("never extractable"),
                    "every private key in the token is sensitive and never extractable:\n" + objects);
        }
    }

    @ParameterizedTest
    @EnumSource(CaKeyType.class)
    void whatTheTokenSignsOpenSslVerifies(CaKeyType type) throws Exception {
        CaKeyMaterial ca = CaTokenStore.loadOrCreate(SoftHsm.token("signs-" + type), type, SUBJECT_DN, CLOCK);
        OpenSsl.writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());
        BouncyCastleCertificateAuthority authority = new BouncyCastleCertificateAuthority(ca, CRL);
        CheckedRequest request = authority.checkRequest(OpenSsl.certificationRequest(dir, "/CN=anyone",
                "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"));
        Instant now = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        SerialNumber revoked = SerialNumber.ofHex("6F00000000000000000000000000B001");
        SerialNumber good = SerialNumber.ofHex("6F00000000000000000000000000B002");
        OpenSsl.writePem(dir.resolve("revoked.pem"), "CERTIFICATE",
                authority.sign(request, SUBJECT, revoked, now.minusSeconds(60), now.plus(Duration.ofDays(365))).der());
        OpenSsl.writePem(dir.resolve("good.pem"), "CERTIFICATE",
                authority.sign(request, SUBJECT, good, now.minusSeconds(60), now.plus(Duration.ofDays(365))).der());
        OpenSsl.writePem(dir.resolve("crl.pem"), "X509 CRL", authority.signCrl(
                List.of(new RevokedCertificate(revoked, now.minusSeconds(30), RevocationReason.KEY_COMPROMISE)),
                now.minusSeconds(30), now.plus(Duration.ofDays(1)), BigInteger.TWO));

        assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "ca.pem").contains("ca.pem: OK"));
        assertTrue(OpenSsl.succeed(dir, "crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout").contains("verify OK"));
        assertTrue(OpenSsl.succeed(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem",
                "-purpose", "sslclient", "good.pem").contains("good.pem: OK"));
        OpenSsl.Result refused = OpenSsl.run(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem",
                "revoked.pem");
        assertTrue(refused.exitCode() != 0 && refused.output().contains("certificate revoked"), refused.output());
    }

    @Test
    void aSecondSetUpUsesTheKeyThereAndNeverMakesAnother() throws Exception {
        CaToken token = SoftHsm.token("twice");
        CaKeyMaterial first = CaTokenStore.loadOrCreate(token, CaKeyType.P256, SUBJECT_DN, CLOCK);

        CaKeyMaterial again = CaTokenStore.loadOrCreate(token, CaKeyType.RSA2048, "CN=Another CA", CLOCK);
        CaKeyMaterial loaded = CaTokenStore.load(token, CLOCK);

        assertArrayEquals(first.certificate().getEncoded(), again.certificate().getEncoded());
        assertArrayEquals(first.certificate().getEncoded(), loaded.certificate().getEncoded());
    }

    /**
     * First of all: once a process has logged in to the token, PKCS#11 keeps it logged in and a later
     * wrong PIN would go unnoticed (a server logs in once, at its start).
     */
    @Test
    @Order(1)
    void withAWrongPinTheStartFailsNamingTheTokenNeverThePin() {
        CaToken wrongPin = new CaToken(SoftHsm.LIBRARY, 0, "twice", "wrong-pin-0815".toCharArray());
        SoftHsm.token("any");
        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaTokenStore.load(wrongPin, CLOCK));
        assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-pin-0815") || refused.getMessage().contains(SoftHsm.PIN),
                refused.getMessage());
        assertFalse(wrongPin.toString().contains("wrong-pin-0815"));
    }

    @Test
    void withoutTheSetUpTheStartFailsNamingTheToken() {
        CaToken missing = SoftHsm.token("never-set-up");

        UnusableKeyStoreException none = assertThrows(UnusableKeyStoreException.class,
                () -> CaTokenStore.load(missing, CLOCK));

        assertTrue(none.getMessage().contains("'never-set-up'") && none.getMessage().contains("libsofthsm2.so"),
                none.getMessage());
    }

    @Test
    void aSlotWithoutATokenIsRefusedAtOnce() {
        SoftHsm.token("any");
        CaToken nowhere = new CaToken(SoftHsm.LIBRARY, 7, "ca", SoftHsm.PIN.toCharArray());

        UnusableKeyStoreException refused = assertThrows(UnusableKeyStoreException.class,
                () -> CaTokenStore.load(nowhere, CLOCK));

        assertTrue(refused.getMessage().contains("slot list index 7"), refused.getMessage());
    }
}
