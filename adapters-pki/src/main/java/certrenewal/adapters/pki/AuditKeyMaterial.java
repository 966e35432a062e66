package certrenewal.adapters.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The key that signs the audit trail's checkpoints, and the certificate that carries its public
 * half (self-signed; only its key matters). Kept with the CA key, never in the database.
 */
public record AuditKeyMaterial(PrivateKey privateKey, X509Certificate certificate) {
    public AuditKeyMaterial {
        Objects.requireNonNull(privateKey, "private key must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
    }

    /** Names the certificate only: the key must never reach a log. */
    @Override
    public String toString() {
        return "AuditKeyMaterial[certificate=" + certificate.getSubjectX500Principal().getName()
                + ", privateKey=" + privateKey.getAlgorithm() + " (hidden)]";
    }
}
