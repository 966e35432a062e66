package certrenewal.application.port.out;

import certrenewal.domain.administration.StaffAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface StaffAccountPort {
    Optional<StaffAccount> loadStaff(String username);

    long countStaff();

    /** Fails with {@link ConcurrentUpdateException} when an account by that name exists. */
    void insertStaff(StaffAccount account);

    /** Fails with {@link ConcurrentUpdateException} when the account changed since it was loaded. */
    void updateStaff(StaffAccount account);

    /** Every staff account, by username. */
    List<StaffAccount> listStaff();

    /** Enabled accounts with the security administrator role. */
    long countActiveSecurityAdministrators();

    /** Keeps a password hash an account no longer uses, so that its holder cannot choose it again soon. */
    void rememberReplacedPassword(String username, String passwordHash, Instant replacedAt);

    /** The last {@code count} hashes the account replaced, newest first. */
    List<String> replacedPasswordHashes(String username, int count);
}
