package certrenewal.domain.administration;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import java.util.Objects;

/** What {@link AdministrationPolicy} needs to know of the login ID an action concerns: its contract and kind. */
public record TargetId(ContractNumber contract, IdKind kind) {
    public TargetId {
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
    }

    public static TargetId of(LoginAccount account) {
        return new TargetId(account.contract(), account.kind());
    }
}
