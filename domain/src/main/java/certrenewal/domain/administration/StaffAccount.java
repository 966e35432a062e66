package certrenewal.domain.administration;

import java.time.Instant;
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
 * @param sessionGeneration counts the changes that end the account's console sessions (password
 *                          changed or reset, account disabled, role changed): a session opened in an
 *                          earlier generation ends. A counter, not a time, so that clocks do not matter
 */
public record StaffAccount(String username, StaffRole role, String passwordHash, int failedPasswordAttempts,
                           Instant lockedUntil, int lockouts, boolean disabled, boolean mustChangePassword,
                           long sessionGeneration, long version) {
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
        this(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, false, false, 0, version);
    }

    /** A new account, never locked, with a password its holder may keep (bootstrap and demo accounts). */
    public static StaffAccount create(String username, StaffRole role, String passwordHash) {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, 0);
    }

    /** A new account made by a security administrator or the set-up command: its one-time password must be changed at first login. */
    public static StaffAccount createWithOneTimePassword(String username, StaffRole role, String passwordHash) {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, false, true, 0, 0);
    }

    /** Whether {@code username} may name a staff account: 2 to 64 lower-case letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /**
     * The audit trail's name of the account {@code username} names: "staff:?" for a name no account can have (a
     * crafted path), which is neither written into the trail nor too long for it.
     */
    public static String auditTarget(String username) {
        return isValidUsername(username) ? "staff:" + username : "staff:?";
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether it counts as a security administrator who can still act. */
    public boolean activeSecurityAdministrator() {
        return role == StaffRole.SECURITY_ADMIN && !disabled;
    }

    /** Whether a console session opened in {@code generation} outlived a change that ended this account's sessions. */
    public boolean sessionEndedBy(long generation) {
        return generation < sessionGeneration;
    }

    /** One more wrong password at {@code now}; the last one allowed locks the account for the next lock-out's length. */
    public StaffAccount withFailedPassword(StaffLockout lockout, Instant now) {
        int attempts = failedPasswordAttempts + 1;
        if (attempts < lockout.maxFailedPasswords()) {
            return new StaffAccount(username, role, passwordHash, attempts, lockedUntil, lockouts, disabled,
                    mustChangePassword, sessionGeneration, version);
        }
        int nth = lockouts + 1;
        return new StaffAccount(username, role, passwordHash, 0, now.plus(lockout.duration(nth)), nth, disabled,
                mustChangePassword, sessionGeneration, version);
    }

    public StaffAccount withSuccessfulLogin() {
        return new StaffAccount(username, role, passwordHash, 0, lockedUntil, 0, disabled, mustChangePassword,
                sessionGeneration, version);
    }

    /** Disabled: its sessions end and it cannot log in. */
    public StaffAccount disable() {
        return new StaffAccount(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, true,
                mustChangePassword, sessionGeneration + 1, version);
    }

    public StaffAccount enabled() {
        return new StaffAccount(username, role, passwordHash, failedPasswordAttempts, lockedUntil, lockouts, false,
                mustChangePassword, sessionGeneration, version);
    }

    /** The lock-out ends now, and the run of lock-outs with it. */
    public StaffAccount unlocked() {
        return new StaffAccount(username, role, passwordHash, 0, null, 0, disabled, mustChangePassword,
                sessionGeneration, version);
    }

    /** Another role: its sessions end (they were opened with the old role). */
    public StaffAccount withRole(StaffRole newRole) {
        return new StaffAccount(username, Objects.requireNonNull(newRole, "role must not be null"), passwordHash,
                failedPasswordAttempts, lockedUntil, lockouts, disabled, mustChangePassword, sessionGeneration + 1, version);
    }

    /** A one-time password set by a security administrator: unlocked, sessions ended, to be changed at the next login. */
    public StaffAccount withPasswordReset(String newHash) {
        return new StaffAccount(username, role, Objects.requireNonNull(newHash, "password hash must not be null"),
                0, null, 0, disabled, true, sessionGeneration + 1, version);
    }

    /** A password its holder chose: the sessions opened before end (the caller opens a new one for its holder). */
    public StaffAccount withPasswordChosen(String newHash) {
        return new StaffAccount(username, role, Objects.requireNonNull(newHash, "password hash must not be null"),
                failedPasswordAttempts, lockedUntil, lockouts, disabled, false, sessionGeneration + 1, version);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + (disabled ? ", disabled" : "")
                + (lockedUntil != null ? ", locked until " + lockedUntil : "") + "]";
    }
}
