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
import java.util.List;
import java.util.Optional;
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
    private static final SignatureProviders AWS_LC = SignatureProviders.of(SignatureCode.AWS_LC_WHERE_USABLE);
    private static final SignatureProviders BOUNCY_CASTLE = SignatureProviders.of(SignatureCode.BOUNCY_CASTLE_ONLY);

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void awsLcMakesAndChecksTheSignaturesOnLinuxX8664() throws Exception {
        assertTrue(AWS_LC.isNative(), AWS_LC.description());
        assertTrue(SignatureCode.AWS_LC_WHERE_USABLE.description().startsWith("AWS-LC (Amazon Corretto Crypto Provider "),
                AWS_LC.description());
        CaKeyMaterial ca = ca("ca.p12", CaKeyType.P256);
        assertEquals("AmazonCorrettoCryptoProvider", AWS_LC.prepare(ca.certificate().getPublicKey()).provider().getName());
        assertEquals("AmazonCorrettoCryptoProvider", AWS_LC.forSigning(ca.privateKey()).provider().orElseThrow().getName());
        // the CA's signers, every one of them (the pool's first was BouncyCastle's until 2026-12-03)
        assertEquals("AmazonCorrettoCryptoProvider",
                new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl")).signingProvider());
        for (String[] key : new String[][] {{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"},
                {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}}) {
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(
                    OpenSsl.certificationRequest(dir, "/CN=anyone", key));
            assertTrue(AWS_LC.nativeVerifier(request.getSubjectPublicKeyInfo(), request.getSignatureAlgorithm())
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

            for (SignatureProviders providers : List.of(AWS_LC, BOUNCY_CASTLE)) {
                assertDoesNotThrow(() -> providers.prepare(ca.certificate().getPublicKey()).verify(certificate), type.name());
                assertThrows(GeneralSecurityException.class,
                        () -> providers.prepare(impostor.certificate().getPublicKey()).verify(certificate), type.name());
            }
        }
    }

    @Test
    void switchedOffAwsLcNeitherSignsNorChecksAndTheCaStillIssuesWhatOpenSslAccepts() throws Exception {
        assertEquals("BouncyCastle (AWS-LC switched off)", SignatureCode.BOUNCY_CASTLE_ONLY.description());
        for (CaKeyType type : CaKeyType.values()) {
            CaKeyMaterial ca = ca("bc-" + type + ".p12", type);
            assertEquals("BC", BOUNCY_CASTLE.prepare(ca.certificate().getPublicKey()).provider().getName(), type.name());
            assertEquals("BC", BOUNCY_CASTLE.forSigning(ca.privateKey()).provider().orElseThrow().getName(), type.name());
            PKCS10CertificationRequest ecRequest = new PKCS10CertificationRequest(OpenSsl.certificationRequest(dir,
                    "/CN=anyone", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"));
            assertTrue(BOUNCY_CASTLE.nativeVerifier(ecRequest.getSubjectPublicKeyInfo(), ecRequest.getSignatureAlgorithm())
                    .isEmpty(), type.name());

            BouncyCastleCertificateAuthority authority = new BouncyCastleCertificateAuthority(ca,
                    URI.create("http://pki.test/crl"), Optional.empty(), SignatureCode.BOUNCY_CASTLE_ONLY);
            assertEquals("BC", authority.signingProvider(), type.name());
            authority.checkSigningKey();
            CheckedRequest request = authority.checkRequest(ecRequest.getEncoded());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] der = authority.sign(request, new SubjectName("JP", "Test Trading Co.", "C0001234", "user01"),
                    SerialNumber.ofHex("6B0D"), now, now.plus(Duration.ofDays(30))).der();
            OpenSsl.writePem(dir.resolve("bc-ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());
            OpenSsl.writePem(dir.resolve("bc-cert.pem"), "CERTIFICATE", der);
            assertTrue(OpenSsl.succeed(dir, "verify", "-CAfile", "bc-ca.pem", "-purpose", "sslclient", "bc-cert.pem")
                    .contains("bc-cert.pem: OK"), type.name());
        }
    }

    private CaKeyMaterial ca(String file, CaKeyType type) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), "pw".toCharArray(), type, "CN=Test Bank Client CA,O=Test Bank,C=JP",
                Clock.systemUTC());
    }
}
