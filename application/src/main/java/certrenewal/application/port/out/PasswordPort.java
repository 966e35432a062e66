package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import java.util.Optional;

/** The stored hash of each login ID's login password (never the password itself). */
public interface PasswordPort {
    Optional<String> loadPasswordHash(LoginId id);

    void savePasswordHash(LoginId id, String hash);
}
