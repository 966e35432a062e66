package certrenewal.application.port.in;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Objects;

/** A login ID proven by the certificate it presented. */
public record AuthenticatedId(LoginId loginId, ContractNumber contract, IdKind kind, SerialNumber certificate) {
    public AuthenticatedId {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(certificate, "certificate must not be null");
    }
}
