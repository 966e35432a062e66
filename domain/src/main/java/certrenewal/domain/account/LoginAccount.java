package certrenewal.domain.account;

import certrenewal.domain.Rejection;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * A login ID with its contract, kind, status and the serial of its current certificate (none
 * before the first issuance). Immutable: every change returns a new value with the same version,
 * which the persistence adapter uses for optimistic locking.
 */
public record LoginAccount(
        LoginId id,
        ContractNumber contract,
        IdKind kind,
        AccountStatus status,
        int failedPasswordAttempts,
        SerialNumber currentCertificate,
        long version) {

    public LoginAccount {
        Objects.requireNonNull(id, "login ID must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(status, "status must not be null");
        if (failedPasswordAttempts < 0) {
            throw new IllegalArgumentException("failed password attempts must not be negative");
        }
    }

    /** Why this ID may do nothing now (locked, withdrawn), or empty when it is active. */
    public Optional<Rejection> refusal() {
        return switch (status) {
            case ACTIVE -> Optional.empty();
            case LOCKED -> Optional.of(Rejection.of(Rejection.Code.ID_LOCKED));
            case REVOKED -> Optional.of(Rejection.of(Rejection.Code.ID_REVOKED));
        };
    }

    public static LoginAccount register(LoginId id, ContractNumber contract, IdKind kind) {
        return new LoginAccount(id, contract, kind, AccountStatus.ACTIVE, 0, null, 0);
    }

    public Optional<SerialNumber> currentCertificateSerial() {
        return Optional.ofNullable(currentCertificate);
    }

    public LoginAccount withCurrentCertificate(SerialNumber serial) {
        Objects.requireNonNull(serial, "serial must not be null");
        return new LoginAccount(id, contract, kind, status, failedPasswordAttempts, serial, version);
    }

    /** Re-issue: the ID holds no certificate until it obtains the new one with its issuance password. */
    public LoginAccount withoutCertificate() {
        return new LoginAccount(id, contract, kind, status, failedPasswordAttempts, null, version);
    }

    /** One more wrong password; the ID locks when {@code maxAttempts} are reached in a row. */
    public LoginAccount recordFailedPassword(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        int attempts = failedPasswordAttempts + 1;
        AccountStatus next = status == AccountStatus.ACTIVE && attempts >= maxAttempts ? AccountStatus.LOCKED : status;
        return new LoginAccount(id, contract, kind, next, attempts, currentCertificate, version);
    }

    public LoginAccount recordSuccessfulPassword() {
        return new LoginAccount(id, contract, kind, status, 0, currentCertificate, version);
    }

    public LoginAccount unlock() {
        if (status != AccountStatus.LOCKED) {
            throw new IllegalStateException("login ID " + id + " is " + status + ", not LOCKED");
        }
        return new LoginAccount(id, contract, kind, AccountStatus.ACTIVE, 0, currentCertificate, version);
    }
}
