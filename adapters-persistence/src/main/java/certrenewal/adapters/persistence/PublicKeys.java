package certrenewal.adapters.persistence;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;

/** How certificates are found by their key: SHA-256 over the DER SubjectPublicKeyInfo, lower-case hex. */
public final class PublicKeys {
    private PublicKeys() {
    }

    public static String sha256(byte[] subjectPublicKeyInfo) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Of the key a certificate certifies, as its DER says. */
    public static String sha256OfCertificateKey(byte[] certificateDer) {
        try {
            return sha256(CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer)).getPublicKey().getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a stored certificate could not be read", e);
        }
    }
}
