package certrenewal.domain.certificate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bank says about a serial number to relying parties (OCSP, RFC 6960, 2.2): good while
 * the certificate it issued under that serial is not revoked, revoked (superseded ones included,
 * with their time and reason) once it is, and unknown for a serial it never issued. Expiry changes
 * nothing: "good" says "not revoked", and relying parties check the validity period themselves.
 */
public sealed interface RevocationStatus {

    record Good() implements RevocationStatus {
    }

    record Revoked(Instant revokedAt, RevocationReason reason) implements RevocationStatus {
        public Revoked {
            Objects.requireNonNull(revokedAt, "revocation time must not be null");
            Objects.requireNonNull(reason, "revocation reason must not be null");
        }
    }

    record Unknown() implements RevocationStatus {
    }

    /** The status of the certificate the bank issued under a serial, or unknown when it issued none. */
    static RevocationStatus of(Optional<Certificate> issued) {
        Objects.requireNonNull(issued, "certificate must not be null (empty when none was issued)");
        return issued.map(Certificate::revocationStatus).orElseGet(Unknown::new);
    }
}
