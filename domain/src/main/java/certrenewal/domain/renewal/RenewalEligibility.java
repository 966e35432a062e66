package certrenewal.domain.renewal;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.Permission;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who may start a renewal, and when. */
public final class RenewalEligibility {
    private RenewalEligibility() {
    }

    /**
     * Why {@code account} may not renew {@code certificate} now, or empty when it may: the ID
     * must be active, the certificate its current one, active and inside the renewal window, and
     * no other renewal may be open (a timed-out one no longer counts).
     */
    public static Optional<Rejection> check(LoginAccount account, Certificate certificate,
                                            Optional<Renewal> openRenewal, Instant now, RenewalPolicy policy) {
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
        if (account.status() == AccountStatus.REVOKED) {
            return Optional.of(Rejection.of(Code.ID_REVOKED));
        }
        if (account.status() == AccountStatus.LOCKED) {
            return Optional.of(Rejection.of(Code.ID_LOCKED));
        }
        if (!account.kind().may(Permission.RENEW_OWN_CERTIFICATE)) {
            return Optional.of(Rejection.of(Code.NOT_PERMITTED));
        }
        if (!certificate.owner().equals(account.id())) {
            return Optional.of(Rejection.of(Code.CERTIFICATE_NOT_CURRENT));
        }
        // The certificate's own status first, as in CertificateAuthentication: a superseded
        // certificate is never current, and "use the new certificate" is what the customer needs to read.
        CertificateStatus status = certificate.statusAt(now);
        switch (status) {
            case REVOKED -> {
                return Optional.of(Rejection.of(Code.CERTIFICATE_REVOKED));
            }
            case SUPERSEDED -> {
                return Optional.of(Rejection.of(Code.CERTIFICATE_SUPERSEDED));
            }
            case EXPIRED -> {
                return Optional.of(Rejection.of(Code.CERTIFICATE_EXPIRED));
            }
            case ACTIVE -> {
                // checked below
            }
        }
        if (!account.currentCertificateSerial().map(certificate.serial()::equals).orElse(false)) {
            return Optional.of(Rejection.of(Code.CERTIFICATE_NOT_CURRENT));
        }
        Instant opens = policy.windowOpensAt(certificate.notAfter());
        if (now.isBefore(opens)) {
            return Optional.of(Rejection.of(Code.OUTSIDE_RENEWAL_WINDOW,
                    "The certificate cannot be renewed yet: the renewal period opens on " + opens + "."));
        }
        if (openRenewal.filter(r -> r.isOpen() && !r.hasTimedOut(now, policy)).isPresent()) {
            return Optional.of(Rejection.of(Code.RENEWAL_ALREADY_OPEN));
        }
        return Optional.empty();
    }
}
