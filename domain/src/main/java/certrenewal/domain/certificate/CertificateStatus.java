package certrenewal.domain.certificate;

/** A certificate's status as users and staff see it. */
public enum CertificateStatus {
    ACTIVE,
    /** Replaced by a renewed certificate that has been used (revoked with reason superseded). */
    SUPERSEDED,
    REVOKED,
    /** Past its notAfter; never stored, derived from the clock. */
    EXPIRED
}
