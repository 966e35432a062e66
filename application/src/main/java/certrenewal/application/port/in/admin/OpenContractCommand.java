package certrenewal.application.port.in.admin;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import java.util.Objects;

/** A new contract with its administrator ID and that ID's first login password (bank console). */
public record OpenContractCommand(Actor actor, Contract contract, LoginId administrator, LoginPassword initialLoginPassword) {
    public OpenContractCommand {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(administrator, "administrator must not be null");
        Objects.requireNonNull(initialLoginPassword, "initial login password must not be null");
    }

    @Override
    public String toString() {
        return "OpenContractCommand[" + actor.auditName() + ", " + contract.number() + ", " + administrator + "]";
    }
}
