package certrenewal.application.port.out;

import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import java.util.Optional;

public interface LoadAccountPort {
    Optional<LoginAccount> loadAccount(LoginId id);
}
