package certrenewal.application.port.in;

import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Objects;

/**
 * A login ID proven by the certificate it presented.
 *
 * @param credentialEpoch the ID's password epoch when it proved itself: a session of an older one ends
 * @param scope what it may reach: everything, or only what it must do first (change its password, renew the
 *              certificate that expired within the grace period)
 */
public record AuthenticatedId(LoginId loginId, ContractNumber contract, IdKind kind, SerialNumber certificate,
                              long credentialEpoch, AccessScope scope) {
    public AuthenticatedId {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
    }

    /** An ID with a valid certificate whose password was never changed: everything its kind allows. */
    public AuthenticatedId(LoginId loginId, ContractNumber contract, IdKind kind, SerialNumber certificate) {
        this(loginId, contract, kind, certificate, 0, AccessScope.FULL);
    }

    public AuthenticatedId withCredentials(long epoch, AccessScope scope) {
        return new AuthenticatedId(loginId, contract, kind, certificate, epoch, scope);
    }
}
