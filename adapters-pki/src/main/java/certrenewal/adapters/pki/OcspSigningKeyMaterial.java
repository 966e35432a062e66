package certrenewal.adapters.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The delegated OCSP responder's signing key and its certificate, issued by the CA. */
public record OcspSigningKeyMaterial(PrivateKey privateKey, X509Certificate certificate) {
    public OcspSigningKeyMaterial {
        Objects.requireNonNull(privateKey, "private key must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
    }

    /** Names the certificate only: the key must never reach a log. */
    @Override
    public String toString() {
        return "OcspSigningKeyMaterial[certificate=" + certificate.getSubjectX500Principal().getName()
                + ", notAfter=" + certificate.getNotAfter().toInstant() + ", privateKey=" + privateKey.getAlgorithm()
                + " (hidden)]";
    }
}
