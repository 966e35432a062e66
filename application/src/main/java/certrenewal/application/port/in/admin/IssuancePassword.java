package certrenewal.application.port.in.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time issuance password, shown once to whoever registered or re-issued the ID, with which
 * the ID obtains its certificate (証明書取得) until {@code deadline}. Only its hash is stored.
 */
public record IssuancePassword(String password, Instant deadline) {
    public IssuancePassword {
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
    }

    @Override
    public String toString() {
        return "IssuancePassword[deadline=" + deadline + "]";
    }
}
