package certrenewal.application.port.out;

import certrenewal.domain.account.LoginAccount;

public interface SaveAccountPort {
    /** Stores a new login ID; fails if the ID exists. */
    void insertAccount(LoginAccount account);

    /**
     * Stores a change made to the account with the version it was loaded with; fails with
     * {@link ConcurrentUpdateException} if someone else changed it since.
     */
    void updateAccount(LoginAccount account);
}
