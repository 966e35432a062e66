package certrenewal.application.port.in;

import certrenewal.domain.Rejection;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.time.Instant;
import java.util.Optional;

/**
 * What a login ID sees of its certificate.
 *
 * @param renewalRefusal why renewal is not possible now; empty when it is
 * @param asOf the moment the overview describes, from the system's clock
 */
public record CertificateOverview(LoginId loginId, IdKind kind, SerialNumber serial, SubjectName subject,
                                  Instant notBefore, Instant notAfter, CertificateStatus status,
                                  Instant renewalWindowOpensAt, Optional<Rejection> renewalRefusal, Instant asOf) {
    /** Whole days until expiry, never negative. */
    public long daysLeft() {
        return Math.max(0, java.time.Duration.between(asOf, notAfter).toDays());
    }
}
