package certrenewal.application.port.in.admin;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.domain.account.LoginId;
import java.util.Objects;

/** What 証明書取得 asks for on the login screen, without a client certificate, and where the request came from. */
public record PickupCredentials(LoginId loginId, char[] loginPassword, char[] issuancePassword, ClientAddress from) {
    public PickupCredentials {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(loginPassword, "login password must not be null");
        Objects.requireNonNull(issuancePassword, "issuance password must not be null");
        Objects.requireNonNull(from, "address must not be null");
    }

    /** For callers inside the server (tests). */
    public PickupCredentials(LoginId loginId, char[] loginPassword, char[] issuancePassword) {
        this(loginId, loginPassword, issuancePassword, ClientAddress.IN_PROCESS);
    }

    @Override
    public String toString() {
        return "PickupCredentials[" + loginId + "]";
    }
}
