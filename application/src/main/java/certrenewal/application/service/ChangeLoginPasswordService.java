package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ChangeLoginPasswordCommand;
import certrenewal.application.port.in.ChangeLoginPasswordUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** パスワード変更: the signed-in ID's own login password, under the bank's rule, audited (never the password). */
public final class ChangeLoginPasswordService implements ChangeLoginPasswordUseCase {
    private static final String ACTION = "LOGIN_PASSWORD_CHANGED";

    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final LoginPasswords loginPasswords;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final RenewalPolicy policy;
    private final Clock clock;

    /**
     * @param maxFailedPasswords the lock-out threshold, as at login
     * @param policy whether the session's certificate, expired, still allows its renewal after the change
     */
    public ChangeLoginPasswordService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                      LoadCertificatePort certificates, PasswordPort passwords,
                                      PasswordHasherPort hasher, AuditTrailPort auditTrail,
                                      TransactionPort transactions, int maxFailedPasswords, RenewalPolicy policy,
                                      Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.passwords = passwords;
        this.hasher = hasher;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.loginPasswords = new LoginPasswords(accounts, savedAccounts, passwords, hasher, transactions, audit,
                maxFailedPasswords);
        this.transactions = new RetryingTransactions(transactions);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AuthenticatedId change(ChangeLoginPasswordCommand command) {
        AuthenticatedId who = command.who();
        LoginId id = who.loginId();
        String target = "login-id:" + id;
        try {
            if (!Arrays.equals(command.newPassword(), command.newPasswordAgain())) {
                throw refusal(Code.NEW_PASSWORDS_DIFFER);
            }
            LoginPassword.problemWith(command.newPassword(), id.value()).ifPresent(Refusals::refuse);
            // the current password first: without it, nothing about the new one is worth telling
            if (!loginPasswords.matches(id, command.currentPassword())) {
                RequestRefusedException counted = loginPasswords.wrongPassword(id, ACTION);
                throw counted.rejection().code() == Code.ID_LOCKED ? counted : refusal(Code.WRONG_CURRENT_PASSWORD);
            }
            if (accounts.loadAccount(id).map(a -> a.failedPasswordAttempts() > 0).orElse(false)) {
                loginPasswords.resetFailures(id);
            }
            if (recentlyUsed(id, command.newPassword())) {
                throw refusal(Code.PASSWORD_RECENTLY_USED);
            }
            String hash = hasher.hash(command.newPassword());
            PasswordState changed = transactions.inTransaction(() -> {
                PasswordState next = passwords.loadPasswordState(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID))
                        .changedByHolder();
                passwords.savePasswordHash(id, hash);
                passwords.savePasswordState(id, next);
                audit.success(id.value(), ACTION, target, "by its holder; the ID's other sessions end");
                return next;
            });
            boolean expired = certificates.loadCertificate(who.certificate())
                    .filter(c -> RenewalEligibility.expiredWithinGrace(c, clock.instant(), policy)).isPresent();
            return who.withCredentials(changed.epoch(), AccessScope.of(changed, expired));
        } catch (RequestRefusedException e) {
            throw audit.refused(id.value(), ACTION, target, e);
        }
    }

    /** Whether {@code candidate} is the current password or one of the last ones before it. */
    private boolean recentlyUsed(LoginId id, char[] candidate) {
        List<String> remembered = new ArrayList<>();
        passwords.loadPasswordHash(id).ifPresent(remembered::add);
        remembered.addAll(passwords.previousPasswordHashes(id, LoginPassword.REMEMBERED_PASSWORDS - 1));
        boolean used = false;
        for (String hash : remembered) {
            // every one compared, so that the answer takes as long whichever one matches
            used |= hasher.matches(candidate, hash);
        }
        return used;
    }
}
