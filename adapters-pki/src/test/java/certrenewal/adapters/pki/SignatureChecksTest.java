package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where AWS-LC's library ships (Linux x86_64, this project's CI), signatures are checked there, and a check there
 * refuses what BouncyCastle refuses. (What each check accepts and refuses, through the CA: RequestSignatureAlgorithmTest,
 * BouncyCastleCertificateAuthorityTest, PreIssuanceCheckTest, which run on the same provider.)
 */
class SignatureChecksTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void awsLcChecksTheSignaturesOnLinuxX8664() {
        assertTrue(SignatureChecks.isNative(), SignatureChecks.description());
        assertTrue(SignatureChecks.description().startsWith("AWS-LC (Amazon Corretto Crypto Provider "),
                SignatureChecks.description());
        CaKeyMaterial ca = ca("ca.p12", CaKeyType.P256);
        assertEquals("AmazonCorrettoCryptoProvider", SignatureChecks.prepare(ca.certificate().getPublicKey()).provider().getName());
    }

    @Test
    void aCertificateVerifiesWithItsIssuersKeyAndWithNoOther() {
        for (CaKeyType type : CaKeyType.values()) {
            CaKeyMaterial ca = ca("ca-" + type + ".p12", type);
            CaKeyMaterial impostor = ca("impostor-" + type + ".p12", type);
            X509Certificate certificate = ca.certificate(); // self-signed: its issuer's key is its own

            assertDoesNotThrow(() -> SignatureChecks.prepare(ca.certificate().getPublicKey()).verify(certificate), type.name());
            assertThrows(GeneralSecurityException.class,
                    () -> SignatureChecks.prepare(impostor.certificate().getPublicKey()).verify(certificate), type.name());
        }
    }

    private CaKeyMaterial ca(String file, CaKeyType type) {
        return CaKeyStore.loadOrCreate(dir.resolve(file), "pw".toCharArray(), type, "CN=Test Bank Client CA,O=Test Bank,C=JP",
                Clock.systemUTC());
    }
}
