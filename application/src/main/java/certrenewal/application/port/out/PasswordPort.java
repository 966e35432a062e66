package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import java.util.List;
import java.util.Optional;

/**
 * The stored hash of each login ID's login password (never the password itself), the hashes it had before, and
 * its {@link PasswordState}.
 */
public interface PasswordPort {
    Optional<String> loadPasswordHash(LoginId id);

    /** Replaces the ID's hash; the replaced one, if any, is kept among its {@link #previousPasswordHashes}. */
    void savePasswordHash(LoginId id, String hash);

    /** The hashes the ID's password had before the current one, newest first, at most {@code count}. */
    List<String> previousPasswordHashes(LoginId id, int count);

    /** The ID's password state ({@link PasswordState#INITIAL} until something changed it); empty for an unknown ID. */
    Optional<PasswordState> loadPasswordState(LoginId id);

    void savePasswordState(LoginId id, PasswordState state);
}
