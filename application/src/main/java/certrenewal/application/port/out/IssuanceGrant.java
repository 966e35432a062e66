package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import java.time.Instant;
import java.util.Objects;

/** A one-time issuance password waiting for its ID: only the hash is kept. */
public record IssuanceGrant(LoginId loginId, String passwordHash, Instant deadline) {
    public IssuanceGrant {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(passwordHash, "password hash must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
    }
}
