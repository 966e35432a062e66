package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where AWS-LC's library ships (Linux x86_64, this project's CI), signatures are made and checked there; a check there
 * refuses what BouncyCastle refuses, and what it signs verifies with BouncyCastle. (What each check accepts and refuses, through the CA: RequestSignatureAlgorithmTest,
 * BouncyCastleCertificateAuthorityTest, PreIssuanceCheckTest, which run on the same provider.)
 */
class SignatureProvidersTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void awsLcMakesAndChecksTheSignaturesOnLinuxX8664() throws Exception {
        assertTrue(SignatureProviders.isNative(), SignatureProviders.description());
        assertTrue(SignatureProviders.description().startsWith("AWS-LC (Amazon Corretto Crypto Provider "),
                SignatureProviders.description());
        CaKeyMaterial ca = ca("ca.p12", CaKeyType.P256);
        assertEquals("AmazonCorrettoCryptoProvider", SignatureProviders.prepare(ca.certificate().getPublicKey()).provider().getName());
        assertEquals("AmazonCorrettoCryptoProvider",
                SignatureProviders.forSigning(ca.privateKey()).provider().orElseThrow().getName());
        for (String[] key : new String[][] {{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"},
                {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}}) {
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(
                    OpenSsl.certificationRequest(dir, "/CN=anyone", key));
            assertTrue(SignatureProviders.nativeVerifier(request.getSubjectPublicKeyInfo(), request.getSignatureAlgorithm())
                    .isPresent(), "the proof of possession of an " + key[1] + " key is checked natively");
        }
    }

    @Test
    void whatTheCaSignsVerifiesWithBouncyCastleAsAnIndependentImplementation() throws Exception {
        for (CaKeyType type : CaKeyType.values()) {
            CaKeyMaterial ca = ca("signing-" + type + ".p12", type);
            BouncyCastleCertificateAuthority authority = new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"));
            CheckedRequest request = authority.checkRequest(
                    ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "x"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] der = authority.sign(request, new SubjectName("JP", "Test Trading Co.", "C0001234", "user01"),
                    SerialNumber.ofHex("6B0C"), now, now.plus(Duration.ofDays(30))).der();

            X509Certificate signed = Certificates.parse(der);
            assertDoesNotThrow(() -> signed.verify(ca.certificate().getPublicKey(), Certificates.BC), type.name());
        }
    }

    @Test
    void aCertificateVerifiesWithItsIssuersKeyAndWithNoOther() {
        for (CaKeyType type : CaKeyType.values()) {
            CaKeyMaterial ca = ca("ca-" + type + ".p12", type);
            CaKeyMaterial impostor = ca("impostor-" + type + ".p12", type);
            X509Certificate certificate = ca.certificate(); // self-signed: its issuer's key is its own

            assertDoesNotThrow(() -> SignatureProviders.prepare(ca.certificate().getPublicKey()).verify(certificate), type.name());
            assertThrows(GeneralSecurityException.class,
                    () -> SignatureProviders.prepare(impostor.certificate().getPublicKey()).verify(certificate), type.name());
        }
    }

    private CaKeyMaterial ca(String file, CaKeyType type) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), "pw".toCharArray(), type, "CN=Test Bank Client CA,O=Test Bank,C=JP",
                Clock.systemUTC());
    }
}
