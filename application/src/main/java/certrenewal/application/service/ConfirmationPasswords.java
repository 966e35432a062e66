package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import java.time.Clock;
import java.util.Optional;

/**
 * The acting person's own password, typed again to confirm a grave action (registering or
 * unlocking an ID, revoking, re-issuing): a customer administrator's login password, a staff
 * member's console password. A wrong one counts towards that person's lock-out as at login, so that
 * a stolen session cannot be used to guess the password; the lock then ends the session at its
 * next request. Shared by the use cases that confirm, built once in the composition root.
 */
public final class ConfirmationPasswords {
    private static final String ACTION = "CONFIRMATION_PASSWORD";

    private final LoadAccountPort accounts;
    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;
    private final LoginPasswords loginPasswords;
    private final StaffPasswords staffPasswords;

    /** @param maxFailedPasswords the customers' lock-out threshold, as at login */
    public ConfirmationPasswords(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                                 StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort auditTrail,
                                 TransactionPort transactions, int maxFailedPasswords, StaffLockout staffLockout,
                                 Clock clock) {
        Audit audit = new Audit(auditTrail, transactions, clock);
        this.accounts = accounts;
        this.staff = staff;
        this.hasher = hasher;
        this.loginPasswords = new LoginPasswords(accounts, savedAccounts, passwords, hasher, transactions, audit,
                maxFailedPasswords);
        this.staffPasswords = new StaffPasswords(staff, transactions, staffLockout, audit, clock);
    }

    /**
     * @throws certrenewal.application.port.in.RequestRefusedException WRONG_CONFIRMATION_PASSWORD, or
     *         ID_LOCKED when this wrong password locked the administrator's ID
     */
    void confirm(Actor actor, char[] password) {
        switch (actor) {
            case Actor.CustomerAdministrator admin -> confirmOwn(admin.loginId(), password);
            case Actor.Staff member -> confirmStaff(member, password);
            case Actor.SystemTask system -> {
            }
        }
    }

    /**
     * A login ID's own login password typed again (an administrator's before a grave action, any ID's before it
     * changes its contact address): refused with WRONG_CONFIRMATION_PASSWORD, and counted towards its lock-out.
     */
    void confirmOwn(LoginId id, char[] password) {
        Optional<LoginAccount> account = accounts.loadAccount(id);
        if (account.isEmpty()) {
            loginPasswords.matchDecoy(password);
            throw refusal(Code.WRONG_CONFIRMATION_PASSWORD);
        }
        if (!loginPasswords.matches(id, password)) {
            var counted = loginPasswords.wrongPassword(id, ACTION);
            throw counted.rejection().code() == Code.ID_LOCKED ? counted : refusal(Code.WRONG_CONFIRMATION_PASSWORD);
        }
        if (account.get().failedPasswordAttempts() > 0) {
            loginPasswords.resetFailures(id);
        }
    }

    private void confirmStaff(Actor.Staff member, char[] password) {
        Optional<StaffAccount> account = staff.loadStaff(member.username());
        if (account.isEmpty() || !hasher.matches(password, account.get().passwordHash())) {
            account.ifPresent(found -> staffPasswords.wrongPassword(found.username(), ACTION));
            throw refusal(Code.WRONG_CONFIRMATION_PASSWORD);
        }
        staffPasswords.resetFailures(account.get());
    }
}
