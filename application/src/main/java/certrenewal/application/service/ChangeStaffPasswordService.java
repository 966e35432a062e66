package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.ChangeStaffPasswordUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A staff member's own password change. A wrong current password counts towards the account's
 * lock-out as at login; the new one follows the one password rule and is none of the last ones
 * (the current hash and the replaced ones kept by {@link StaffAccountPort#rememberReplacedPassword});
 * the change ends the account's other sessions and any duty to change it.
 */
public final class ChangeStaffPasswordService implements ChangeStaffPasswordUseCase {
    private static final String ACTION = "STAFF_PASSWORD_CHANGED";

    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final RetryingTransactions transactions;
    private final StaffPasswords staffPasswords;
    private final Audit audit;
    private final Clock clock;

    public ChangeStaffPasswordService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                                      TransactionPort transactions, StaffLockout lockout, Clock clock) {
        this.staff = staff;
        this.hasher = hasher;
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.staffPasswords = new StaffPasswords(staff, transactions, lockout, audit, clock);
    }

    @Override
    public void change(Actor.Staff who, char[] currentPassword, char[] newPassword) {
        Objects.requireNonNull(who, "staff must not be null");
        String name = who.auditName();
        StaffAccount account = staff.loadStaff(who.username())
                .orElseThrow(() -> audit.refused(name, ACTION, name, refusal(Code.UNKNOWN_STAFF_ACCOUNT)));
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            staffPasswords.wrongPassword(who.username(), ACTION);
            throw refusal(Code.WRONG_CURRENT_PASSWORD);
        }
        LoginPassword.problemWith(newPassword, who.username()).ifPresent(problem -> {
            throw audit.refused(name, ACTION, name, new RequestRefusedException(problem));
        });
        List<String> remembered = staff.replacedPasswordHashes(who.username(), LoginPassword.REMEMBERED_PASSWORDS - 1);
        if (hasher.matches(newPassword, account.passwordHash()) || remembered.stream().anyMatch(h -> hasher.matches(newPassword, h))) {
            throw audit.refused(name, ACTION, name, refusal(Code.PASSWORD_RECENTLY_USED));
        }
        String hash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            StaffAccount current = staff.loadStaff(who.username()).orElseThrow();
            staff.updateStaff(current.withPasswordChosen(hash).withSuccessfulLogin());
            staff.rememberReplacedPassword(who.username(), current.passwordHash(), now);
            audit.success(name, ACTION, name, "other sessions ended");
            return null;
        });
    }
}
