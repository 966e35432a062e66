package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import java.time.Duration;
import java.util.Objects;

/**
 * A first certificate for a login ID that has none, delivered directly instead of through the ID's
 * pickup (証明書取得): the system's alone (demo data, test set-ups); a waiting issuance password is used up.
 *
 * @param validity how long it is valid; at most the policy's validity
 */
public record IssueCertificateCommand(LoginId loginId, byte[] pkcs10Der, Duration validity, Actor actor) {
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
