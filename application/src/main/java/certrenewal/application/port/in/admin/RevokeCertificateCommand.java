package certrenewal.application.port.in.admin;

import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Objects;

/**
 * @param confirmationPassword the acting person's own password, typed again to confirm (customer
 *                             administrators: login password; staff: console password)
 */
public record RevokeCertificateCommand(Actor actor, SerialNumber serial, RevocationReason reason, char[] confirmationPassword) {
    public RevokeCertificateCommand {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(serial, "serial must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
        if (reason == RevocationReason.SUPERSEDED) {
            throw new IllegalArgumentException("superseded is set by renewal and re-issue, not chosen");
        }
    }

    @Override
    public String toString() {
        return "RevokeCertificateCommand[" + actor.auditName() + ", " + serial + ", " + reason + "]";
    }
}
