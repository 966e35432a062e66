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
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The console's own login: staff username and password, with lock-out after too many wrong passwords. */
public final class StaffLoginService implements StaffLoginUseCase {
    private static final String ACTION = "STAFF_LOGIN";

    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final int maxFailedPasswords;
    private final Audit audit;
    /** Compared against when the username is unknown, so that the answer takes as long as for a known one. */
    private final String decoyHash;

    /** @param maxFailedPasswords wrong passwords in a row that lock a staff account (default 6) */
    public StaffLoginService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                             TransactionPort transactions, int maxFailedPasswords, Clock clock) {
        if (maxFailedPasswords < 1) {
            throw new IllegalArgumentException("the lock-out threshold must be at least 1");
        }
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = transactions;
        this.maxFailedPasswords = maxFailedPasswords;
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
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS));
        }
        StaffAccount account = found.get();
        if (account.locked()) {
            throw audit.refused(name, ACTION, name, refusal(Code.ID_LOCKED));
        }
        if (!hasher.matches(password, account.passwordHash())) {
            throw wrongPassword(username);
        }
        if (account.failedPasswordAttempts() > 0) {
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

    /** Counts the failure, locking the account at the threshold, and returns the refusal to throw. */
    private RequestRefusedException wrongPassword(String username) {
        String name = "staff:" + username;
        for (int attempt = 0; ; attempt++) {
            try {
                StaffAccount counted = transactions.inTransaction(() -> {
                    StaffAccount current = staff.loadStaff(username).orElseThrow();
                    StaffAccount next = current.withFailedPassword(maxFailedPasswords);
                    staff.updateStaff(next);
                    audit.inCallerTransaction(name, ACTION, name, "REFUSED",
                            "wrong password (" + next.failedPasswordAttempts() + " in a row)");
                    if (next.locked() && !current.locked()) {
                        audit.success("system", "STAFF_LOCKED", name, maxFailedPasswords + " wrong passwords in a row");
                    }
                    return next;
                });
                return refusal(counted.locked() ? Code.ID_LOCKED : Code.WRONG_CREDENTIALS);
            } catch (ConcurrentUpdateException e) {
                if (attempt > 3) {
                    return refusal(Code.WRONG_CREDENTIALS);
                }
            }
        }
    }

}
