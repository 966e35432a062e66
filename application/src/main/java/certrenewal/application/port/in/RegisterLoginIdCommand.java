package certrenewal.application.port.in;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import java.util.Objects;

public record RegisterLoginIdCommand(ContractNumber contract, LoginId loginId, IdKind kind, String actor) {
    public RegisterLoginIdCommand {
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
    }
}
