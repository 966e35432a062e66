package certrenewal.adapters.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The CA's signing key and its certificate. */
public record CaKeyMaterial(PrivateKey privateKey, X509Certificate certificate) {
    public CaKeyMaterial {
        Objects.requireNonNull(privateKey, "private key must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
    }

    /** Names the certificate only: the key must never reach a log. */
    @Override
    public String toString() {
        return "CaKeyMaterial[certificate=" + certificate.getSubjectX500Principal().getName()
                + ", privateKey=" + privateKey.getAlgorithm() + " (hidden)]";
    }
}
