package certrenewal.application.service;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A staff account's console password with its lock-out, shared by the console login and the
 * confirmations of grave actions, so that wrong passwords count towards the same lock-out
 * wherever they are typed.
 */
final class StaffPasswords {
    private final StaffAccountPort staff;
    private final TransactionPort transactions;
    private final StaffLockout lockout;
    private final Audit audit;
    private final Clock clock;

    StaffPasswords(StaffAccountPort staff, TransactionPort transactions, StaffLockout lockout, Audit audit, Clock clock) {
        this.staff = staff;
        this.transactions = transactions;
        this.lockout = Objects.requireNonNull(lockout, "lock-out must not be null");
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts a wrong password typed under {@code action}, locking the account for a while at the threshold. */
    void wrongPassword(String username, String action) {
        wrongCredentials(username, action, "wrong password");
    }

    /** Counts as a wrong password what the login refuses for {@code why} (recorded, never told to the caller). */
    void wrongCredentials(String username, String action, String why) {
        String name = "staff:" + username;
        for (int attempt = 0; attempt <= 3; attempt++) {
            try {
                transactions.inTransaction(() -> {
                    Instant now = clock.instant();
                    StaffAccount current = staff.loadStaff(username).orElseThrow();
                    StaffAccount next = current.withFailedPassword(lockout, now);
                    staff.updateStaff(next);
                    audit.inCallerTransaction(name, action, name, "REFUSED", "WRONG_CREDENTIALS: " + why);
                    if (next.lockedAt(now)) {
                        audit.success("system", "STAFF_LOCKED", name, lockout.maxFailedPasswords()
                                + " wrong passwords in a row; locked until " + next.lockedUntil());
                    }
                });
                return;
            } catch (ConcurrentUpdateException e) {
                // another request counted meanwhile: count again on what is stored now
            }
        }
    }

    /** A right password ends the run of wrong ones (and the growing back-off). */
    void resetFailures(StaffAccount account) {
        if (account.failedPasswordAttempts() == 0 && account.lockouts() == 0) {
            return;
        }
        try {
            transactions.inTransaction(() -> staff.updateStaff(
                    staff.loadStaff(account.username()).orElseThrow().withSuccessfulLogin()));
        } catch (ConcurrentUpdateException e) {
            // another request counted or reset meanwhile; the next success resets again
        }
    }
}
