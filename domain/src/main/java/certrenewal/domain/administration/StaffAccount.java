package certrenewal.domain.administration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bank staff account of the console.
 *
 * @param lockedUntil until when wrong passwords lock it; null when it never was locked
 * @param lockouts the lock-outs in a row since its last successful login (each one lasts longer)
 * @param disabled a security administrator disabled it: it cannot log in until re-enabled
 * @param mustChangePassword its password was set by someone else (creation, reset): nothing in the
 *                           console is reachable before its holder chooses a new one
 * @param sessionsValidFrom console sessions opened before this instant end (password changed or
 *                          reset, account disabled, role changed); null when none was ended so
 */
public record StaffAccount(String username, StaffRole role, String passwordHash, int failedPasswordAttempts,
                           Instant lockedUntil, int lockouts, boolean disabled, boolean mustChangePassword,
                           Instant sessionsValidFrom, long version) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public StaffAccount {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(passwordHash, "password hash must not be null");
        if (failedPasswordAttempts < 0 || lockouts < 0) {
            throw new IllegalArgumentException("failed attempts and lock-outs must not be negative");
        }
    }

    /** An active account whose holder chose its password. */
    public StaffAccount(String username, StaffRole role, String passwordHash, int failedPasswordAttempts,
                        Instant lockedUntil, int lockouts, long version) {
        this(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, false, false, null, version);
    }

    /** A new account, never locked, with a password its holder may keep (bootstrap and demo accounts). */
    public static StaffAccount create(String username, StaffRole role, String passwordHash) {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, 0);
    }

    /** A new account made by a security administrator or the set-up command: its one-time password must be changed at first login. */
    public static StaffAccount createWithOneTimePassword(String username, StaffRole role, String passwordHash) {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, false, true, null, 0);
    }

    /** Whether {@code username} may name a staff account: 2 to 64 lower-case letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether it counts as a security administrator who can still act. */
    public boolean activeSecurityAdministrator() {
        return role == StaffRole.SECURITY_ADMIN && !disabled;
    }

    /** Whether a console session opened at {@code openedAt} outlived a change that ended this account's sessions. */
    public boolean sessionEndedBy(Instant openedAt) {
        return sessionsValidFrom != null && openedAt.isBefore(sessionsValidFrom);
    }

    /** One more wrong password at {@code now}; the last one allowed locks the account for the next lock-out's length. */
    public StaffAccount withFailedPassword(StaffLockout lockout, Instant now) {
        int attempts = failedPasswordAttempts + 1;
        if (attempts < lockout.maxFailedPasswords()) {
            return new StaffAccount(username, role, passwordHash, attempts, lockedUntil, lockouts, disabled,
                    mustChangePassword, sessionsValidFrom, version);
        }
        int nth = lockouts + 1;
        return new StaffAccount(username, role, passwordHash, 0, now.plus(lockout.duration(nth)), nth, disabled,
                mustChangePassword, sessionsValidFrom, version);
    }

    public StaffAccount withSuccessfulLogin() {
        return new StaffAccount(username, role, passwordHash, 0, lockedUntil, 0, disabled, mustChangePassword,
                sessionsValidFrom, version);
    }

    /** Disabled at {@code now}: its sessions end and it cannot log in. */
    public StaffAccount disabledAt(Instant now) {
        return new StaffAccount(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, true,
                mustChangePassword, millis(now), version);
    }

    public StaffAccount enabled() {
        return new StaffAccount(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, false,
                mustChangePassword, sessionsValidFrom, version);
    }

    /** The lock-out ends now, and the run of lock-outs with it. */
    public StaffAccount unlocked() {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, disabled, mustChangePassword,
                sessionsValidFrom, version);
    }

    /** Another role from {@code now}: its sessions end (they were opened with the old role). */
    public StaffAccount withRole(StaffRole newRole, Instant now) {
        return new StaffAccount(username, Objects.requireNonNull(newRole, "role must not be null"), passwordHash,
                failedPasswordAttempts, lockedUntil, lockouts, disabled, mustChangePassword, millis(now), version);
    }

    /** A one-time password set by a security administrator: unlocked, sessions ended, to be changed at the next login. */
    public StaffAccount withPasswordReset(String newHash, Instant now) {
        return new StaffAccount(username, role, Objects.requireNonNull(newHash, "password hash must not be null"),
                0, null, 0, disabled, true, millis(now), version);
    }

    /** A password its holder chose at {@code now}: its other sessions end. */
    public StaffAccount withPasswordChosen(String newHash, Instant now) {
        return new StaffAccount(username, role, Objects.requireNonNull(newHash, "password hash must not be null"),
                failedPasswordAttempts, lockedUntil, lockouts, disabled, false, millis(now), version);
    }

    /** Sessions keep their opening time in milliseconds: a change ends the sessions opened in an earlier millisecond. */
    private static Instant millis(Instant now) {
        return Objects.requireNonNull(now, "now must not be null").truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + (disabled ? ", disabled" : "")
                + (lockedUntil != null ? ", locked until " + lockedUntil : "") + "]";
    }
}
