package certrenewal.domain.renewal;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
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
     * must be active, the certificate its current one, active and inside the renewal window (or
     * expired within the grace period), and no other renewal may be open (a timed-out one no longer counts).
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
                if (!policy.renewableAfterExpiry(certificate.notAfter(), now)) {
                    return Optional.of(expiredBeyondGrace(account.kind()));
                }
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

    /**
     * The refusal of a certificate that expired longer ago than the grace period: only a re-issue helps, by the
     * contract's administrator for a user ID, by the bank for an administrator ID.
     */
    public static Rejection expiredBeyondGrace(IdKind kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        return Rejection.of(switch (kind) {
            case USER -> Code.EXPIRED_REISSUE_BY_ADMINISTRATOR;
            case ADMINISTRATOR -> Code.EXPIRED_REISSUE_BY_BANK;
        });
    }

    /** Whether {@code certificate} has expired but may still renew itself at {@code now}. */
    public static boolean expiredWithinGrace(Certificate certificate, Instant now, RenewalPolicy policy) {
        return certificate.statusAt(now) == CertificateStatus.EXPIRED
                && policy.renewableAfterExpiry(certificate.notAfter(), now);
    }
}
