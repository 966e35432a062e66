package certrenewal.domain.administration;

import java.util.Objects;

/** A bank staff account of the console. */
public record StaffAccount(String username, StaffRole role, String passwordHash, int failedPasswordAttempts,
                           boolean locked, long version) {
    public StaffAccount {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(passwordHash, "password hash must not be null");
    }

    public StaffAccount withFailedPassword(int maxAttempts) {
        int attempts = failedPasswordAttempts + 1;
        return new StaffAccount(username, role, passwordHash, attempts, locked || attempts >= maxAttempts, version);
    }

    public StaffAccount withSuccessfulLogin() {
        return new StaffAccount(username, role, passwordHash, 0, locked, version);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + (locked ? ", locked" : "") + "]";
    }
}
