package certrenewal.domain.administration;

import java.time.Instant;
import java.util.Objects;

/**
 * A bank staff account of the console.
 *
 * @param lockedUntil until when wrong passwords lock it; null when it never was locked
 * @param lockouts the lock-outs in a row since its last successful login (each one lasts longer)
 */
public record StaffAccount(String username, StaffRole role, String passwordHash, int failedPasswordAttempts,
                           Instant lockedUntil, int lockouts, long version) {
    public StaffAccount {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(passwordHash, "password hash must not be null");
        if (failedPasswordAttempts < 0 || lockouts < 0) {
            throw new IllegalArgumentException("failed attempts and lock-outs must not be negative");
        }
    }

    /** A new account, never locked. */
    public static StaffAccount create(String username, StaffRole role, String passwordHash) {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, 0);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** One more wrong password at {@code now}; the last one allowed locks the account for the next lock-out's length. */
    public StaffAccount withFailedPassword(StaffLockout lockout, Instant now) {
        int attempts = failedPasswordAttempts + 1;
        if (attempts < lockout.maxFailedPasswords()) {
            return new StaffAccount(username, role, passwordHash, attempts, lockedUntil, lockouts, version);
        }
        int nth = lockouts + 1;
        return new StaffAccount(username, role, passwordHash, 0, now.plus(lockout.duration(nth)), nth, version);
    }

    public StaffAccount withSuccessfulLogin() {
        return new StaffAccount(username, role, passwordHash, 0, lockedUntil, 0, version);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + (lockedUntil != null ? ", locked until " + lockedUntil : "") + "]";
    }
}
