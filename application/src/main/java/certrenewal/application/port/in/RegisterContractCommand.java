package certrenewal.application.port.in;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginId;
import java.util.Objects;

/** A new contract with its first administrator ID, registered by {@code actor}. */
public record RegisterContractCommand(Contract contract, LoginId administrator, String actor) {
    public RegisterContractCommand {
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(administrator, "administrator must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
    }
}
