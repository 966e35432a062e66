package certrenewal.application.port.in.admin;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import java.util.Objects;

/**
 * A new 利用者ID of {@code contract}, with its first login password.
 *
 * @param confirmationPassword the administrator's own login password (a staff member's console
 *                             password), typed again to confirm; not asked of the system's own tasks
 */
public record RegisterUserIdCommand(Actor actor, ContractNumber contract, LoginId loginId, LoginPassword initialLoginPassword,
                                    char[] confirmationPassword) {
    public RegisterUserIdCommand {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(initialLoginPassword, "initial login password must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
    }

    @Override
    public String toString() {
        return "RegisterUserIdCommand[" + actor.auditName() + ", " + contract + ", " + loginId + "]";
    }
}
