package certrenewal.application.port.out;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import java.util.Optional;

public interface LoadAccountPort {
    Optional<LoginAccount> loadAccount(LoginId id);

    /** An account with its contract (whose name every certificate's subject carries). */
    record AccountOfContract(LoginAccount account, Contract contract) {
    }

    /** The account with its contract in one read, as every issuance needs them; empty when either is missing. */
    Optional<AccountOfContract> loadAccountWithContract(LoginId id);

    /** An account with its password state (never its password hash). */
    record AccountWithPasswordState(LoginAccount account, PasswordState passwordState) {
    }

    /** The account with its password state in one read, as the check of a customer's session needs them at each request. */
    Optional<AccountWithPasswordState> loadAccountWithPasswordState(LoginId id);
}
