package certrenewal.domain.renewal;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What presenting a certificate means: the ID's current certificate authenticates; a renewed
 * certificate that has not been used yet authenticates and confirms its renewal (which
 * supersedes the old one); the ID's current certificate that expired within the grace period
 * authenticates for its own renewal only; anything else is refused with its reason.
 */
public sealed interface CertificateAuthentication {

    record Current(LoginAccount account, Certificate certificate) implements CertificateAuthentication {
    }

    /** First use of a renewed certificate. */
    record ConfirmsRenewal(LoginAccount account, Certificate certificate, Renewal.Issued renewal)
            implements CertificateAuthentication {
    }

    /** The ID's current certificate, expired but within the grace period: good for renewing itself, nothing else. */
    record ExpiredWithinGrace(LoginAccount account, Certificate certificate) implements CertificateAuthentication {
    }

    record Refused(Rejection rejection) implements CertificateAuthentication {
    }

    /**
     * @param pendingRenewal the issued, unconfirmed renewal whose new certificate is {@code presented}, if any
     * @param policy its grace period decides whether the ID's current certificate, expired, may still renew itself
     */
    static CertificateAuthentication evaluate(Certificate presented, LoginAccount account,
                                              Optional<Renewal.Issued> pendingRenewal, Instant now,
                                              RenewalPolicy policy) {
        Objects.requireNonNull(presented, "presented certificate must not be null");
        Objects.requireNonNull(account, "account must not be null");
        if (!presented.owner().equals(account.id())) {
            throw new IllegalArgumentException("certificate " + presented.serial() + " does not belong to " + account.id());
        }
        switch (presented.statusAt(now)) {
            case REVOKED -> {
                return new Refused(Rejection.of(Code.CERTIFICATE_REVOKED));
            }
            case SUPERSEDED -> {
                return new Refused(Rejection.of(Code.CERTIFICATE_SUPERSEDED));
            }
            case EXPIRED -> {
                if (account.status() == AccountStatus.REVOKED) {
                    return new Refused(Rejection.of(Code.ID_REVOKED));
                }
                if (!account.currentCertificateSerial().map(presented.serial()::equals).orElse(false)) {
                    return new Refused(Rejection.of(Code.CERTIFICATE_EXPIRED));
                }
                if (policy.renewableAfterExpiry(presented.notAfter(), now)) {
                    return new ExpiredWithinGrace(account, presented);
                }
                return new Refused(RenewalEligibility.expiredBeyondGrace(account.kind()));
            }
            case ACTIVE -> {
                // checked below
            }
        }
        if (account.status() == AccountStatus.REVOKED) {
            return new Refused(Rejection.of(Code.ID_REVOKED));
        }
        if (account.currentCertificateSerial().map(presented.serial()::equals).orElse(false)) {
            return new Current(account, presented);
        }
        Optional<Renewal.Issued> confirming = pendingRenewal.filter(r -> r.newSerial().equals(presented.serial()));
        if (confirming.isPresent()) {
            return new ConfirmsRenewal(account, presented, confirming.get());
        }
        return new Refused(Rejection.of(Code.CERTIFICATE_NOT_CURRENT));
    }
}
