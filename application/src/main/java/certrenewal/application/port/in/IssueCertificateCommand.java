package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import java.time.Duration;
import java.util.Objects;

/**
 * A first certificate for a login ID that has none.
 *
 * @param validity how long it is valid; at most the policy's validity
 */
public record IssueCertificateCommand(LoginId loginId, byte[] pkcs10Der, Duration validity, String actor) {
    public IssueCertificateCommand {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(pkcs10Der, "request must not be null");
        Objects.requireNonNull(validity, "validity must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        pkcs10Der = pkcs10Der.clone();
    }
}
