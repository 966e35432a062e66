package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's own login: staff username and password. Too many wrong passwords in a row lock
 * the account for a while ({@link StaffLockout}), longer each time. An unknown name, a locked
 * account and a wrong password get the same answer after the same work; the audit trail says which.
 */
public final class StaffLoginService implements StaffLoginUseCase {
    private static final String ACTION = "STAFF_LOGIN";

    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final StaffLockout lockout;
    private final Clock clock;
    private final Audit audit;
    /** Compared against when the username is unknown or locked, so that the answer takes as long as a wrong password. */
    private final String decoyHash;

    public StaffLoginService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                             TransactionPort transactions, StaffLockout lockout, Clock clock) {
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = transactions;
        this.lockout = Objects.requireNonNull(lockout, "lock-out must not be null");
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.decoyHash = hasher.decoyHash();
    }

    @Override
    public Actor.Staff logIn(String username, char[] password) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        String name = "staff:" + username;
        Optional<StaffAccount> found = staff.loadStaff(username);
        if (found.isEmpty()) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "unknown staff account");
        }
        StaffAccount account = found.get();
        if (account.lockedAt(clock.instant())) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "locked until " + account.lockedUntil());
        }
        if (!hasher.matches(password, account.passwordHash())) {
            throw wrongPassword(username);
        }
        if (account.failedPasswordAttempts() > 0 || account.lockouts() > 0) {
            try {
                transactions.inTransaction(() -> staff.updateStaff(
                        staff.loadStaff(username).orElseThrow().withSuccessfulLogin()));
            } catch (ConcurrentUpdateException e) {
                // another login counted or reset meanwhile; the next success resets again
            }
        }
        transactions.inTransaction(() -> audit.success(name, ACTION, name, account.role().name()));
        return new Actor.Staff(account.username(), account.role());
    }

    /** Counts the failure, locking the account for a while at the threshold, and returns the refusal to throw. */
    private RequestRefusedException wrongPassword(String username) {
        String name = "staff:" + username;
        for (int attempt = 0; attempt <= 3; attempt++) {
            try {
                transactions.inTransaction(() -> {
                    Instant now = clock.instant();
                    StaffAccount current = staff.loadStaff(username).orElseThrow();
                    StaffAccount next = current.withFailedPassword(lockout, now);
                    staff.updateStaff(next);
                    audit.inCallerTransaction(name, ACTION, name, "REFUSED", "WRONG_CREDENTIALS: wrong password");
                    if (next.lockedAt(now)) {
                        audit.success("system", "STAFF_LOCKED", name, lockout.maxFailedPasswords()
                                + " wrong passwords in a row; locked until " + next.lockedUntil());
                    }
                });
                break;
            } catch (ConcurrentUpdateException e) {
                // another login counted meanwhile: count again on what is stored now
            }
        }
        return refusal(Code.WRONG_CREDENTIALS);
    }
}
