package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import java.util.Objects;

/** What 証明書取得 asks for on the login screen, without a client certificate. */
public record PickupCredentials(LoginId loginId, char[] loginPassword, char[] issuancePassword) {
    public PickupCredentials {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(loginPassword, "login password must not be null");
        Objects.requireNonNull(issuancePassword, "issuance password must not be null");
    }

    @Override
    public String toString() {
        return "PickupCredentials[" + loginId + "]";
    }
}
