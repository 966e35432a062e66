package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;

/**
 * A login ID's login password with its lock-out, shared by every screen that asks for it (login,
 * 証明書取得), so that wrong passwords count towards the same lock-out wherever they are typed.
 */
final class LoginPasswords {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final LoginPasswordCheck check;
    private final TransactionPort transactions;
    private final Audit audit;
    private final int maxFailedPasswords;

    LoginPasswords(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                   PasswordHasherPort hasher, TransactionPort transactions, Audit audit, int maxFailedPasswords) {
        if (maxFailedPasswords < 1) {
            throw new IllegalArgumentException("the lock-out threshold must be at least 1");
        }
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.check = new LoginPasswordCheck(passwords, hasher);
        this.transactions = transactions;
        this.audit = audit;
        this.maxFailedPasswords = maxFailedPasswords;
    }

    boolean matches(LoginId id, char[] password) {
        return check.matches(id, password);
    }

    /** For an unknown ID: takes as long as {@link #matches} and is never right. */
    void matchDecoy(char[] password) {
        check.matchDecoy(password);
    }

    /**
     * Counts a wrong password under {@code action}, locking the ID at the threshold, and returns
     * the refusal to throw (ID_LOCKED once locked, else WRONG_CREDENTIALS).
     */
    RequestRefusedException wrongPassword(LoginId id, String action) {
        for (int attempt = 0; ; attempt++) {
            try {
                LoginAccount counted = transactions.inTransaction(() -> {
                    LoginAccount current = accounts.loadAccount(id).orElseThrow();
                    LoginAccount next = current.recordFailedPassword(maxFailedPasswords);
                    savedAccounts.updateAccount(next);
                    audit.inCallerTransaction(id.value(), action, "login-id:" + id, "REFUSED",
                            "wrong password (" + next.failedPasswordAttempts() + " in a row)");
                    if (next.status() == AccountStatus.LOCKED && current.status() != AccountStatus.LOCKED) {
                        audit.success("system", "ID_LOCKED", "login-id:" + id,
                                maxFailedPasswords + " wrong passwords in a row");
                    }
                    return next;
                });
                return new RequestRefusedException(Rejection.of(
                        counted.status() == AccountStatus.LOCKED ? Code.ID_LOCKED : Code.WRONG_CREDENTIALS));
            } catch (ConcurrentUpdateException e) {
                if (attempt > 3) {
                    return new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS));
                }
            }
        }
    }

    /** A right password ends the run of wrong ones. */
    void resetFailures(LoginId id) {
        try {
            transactions.inTransaction(() -> savedAccounts.updateAccount(
                    accounts.loadAccount(id).orElseThrow().recordSuccessfulPassword()));
        } catch (ConcurrentUpdateException e) {
            // another request reset or counted meanwhile; the next success resets again
        }
    }
}
