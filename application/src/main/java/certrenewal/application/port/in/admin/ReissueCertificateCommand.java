package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import java.util.Objects;

public record ReissueCertificateCommand(Actor actor, LoginId target, char[] confirmationPassword) {
    public ReissueCertificateCommand {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
    }

    @Override
    public String toString() {
        return "ReissueCertificateCommand[" + actor.auditName() + ", " + target + "]";
    }
}
