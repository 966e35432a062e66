package certrenewal.application.service;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.domain.account.LoginId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One-time issuance passwords (発行): made and hashed before the transaction (hashing is slow),
 * granted inside it; only the hash is stored. Valid for the pickup period (default 80 days).
 */
final class IssuanceGrants {
    static final int PASSWORD_LENGTH = 16;

    private final IssuanceGrantPort grants;
    private final PasswordHasherPort hasher;
    private final Duration pickupPeriod;
    private final RandomPasswords randomPasswords = new RandomPasswords();

    /** A password and its hash, not granted yet. */
    record NewPassword(String password, String hash) {
        @Override
        public String toString() {
            return "NewPassword[****]";
        }
    }

    IssuanceGrants(IssuanceGrantPort grants, PasswordHasherPort hasher, Duration pickupPeriod) {
        Objects.requireNonNull(pickupPeriod, "pickup period must not be null");
        if (pickupPeriod.isNegative() || pickupPeriod.isZero()) {
            throw new IllegalArgumentException("the pickup period must be positive");
        }
        this.grants = grants;
        this.hasher = hasher;
        this.pickupPeriod = pickupPeriod;
    }

    NewPassword newPassword() {
        String password = randomPasswords.next(PASSWORD_LENGTH);
        return new NewPassword(password, hasher.hash(password.toCharArray()));
    }

    /** Inside the caller's transaction: replaces any earlier grant of the ID. */
    IssuancePassword grant(LoginId id, NewPassword password, Instant now) {
        Instant deadline = now.plus(pickupPeriod);
        grants.saveGrant(new IssuanceGrant(id, password.hash(), deadline));
        return new IssuancePassword(password.password(), deadline);
    }
}
