package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's own login: staff username and password. Too many wrong passwords in a row lock
 * the account for a while ({@link StaffLockout}), longer each time. An unknown name, a locked or
 * disabled account and a wrong password get the same answer after the same work; the audit trail says which
 * (unknown names counted per address and minute, see {@link UnknownCallerRefusals}).
 */
public final class StaffLoginService implements StaffLoginUseCase {
    private static final String ACTION = "STAFF_LOGIN";

    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final TransactionPort transactions;
    private final StaffPasswords staffPasswords;
    private final UnknownCallerRefusals unknownCallers;
    private final Clock clock;
    private final Audit audit;
    /** Compared against when the username is unknown or locked, so that the answer takes as long as a wrong password. */
    private final String decoyHash;

    /** @param unknownCallers counts refusals of unknown names, per address and minute */
    public StaffLoginService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                             TransactionPort transactions, StaffLockout lockout, UnknownCallerRefusals unknownCallers,
                             Clock clock) {
        this.unknownCallers = unknownCallers;
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.staffPasswords = new StaffPasswords(staff, transactions, lockout, audit, clock);
        this.decoyHash = hasher.decoyHash();
    }

    @Override
    public Actor.Staff logIn(String username, char[] password, ClientAddress from) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        String name = "staff:" + username;
        Optional<StaffAccount> found = staff.loadStaff(username);
        if (found.isEmpty()) {
            hasher.matches(password, decoyHash);
            // anyone can type any name: counted, not recorded one by one
            unknownCallers.count(from, ACTION, "WRONG_CREDENTIALS: unknown staff account", name);
            throw refusal(Code.WRONG_CREDENTIALS);
        }
        StaffAccount account = found.get();
        if (account.lockedAt(clock.instant())) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "locked until " + account.lockedUntil());
        }
        if (account.disabled()) {
            hasher.matches(password, decoyHash);
            throw audit.refused(name, ACTION, name, refusal(Code.WRONG_CREDENTIALS), "disabled");
        }
        if (!hasher.matches(password, account.passwordHash())) {
            staffPasswords.wrongPassword(username, ACTION);
            throw refusal(Code.WRONG_CREDENTIALS);
        }
        staffPasswords.resetFailures(account);
        transactions.inTransaction(() -> audit.success(name, ACTION, name, account.role().name()));
        return new Actor.Staff(account.username(), account.role());
    }
}
