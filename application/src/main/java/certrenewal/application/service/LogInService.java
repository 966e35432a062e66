package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import java.time.Clock;
import java.util.Optional;

/** Password plus certificate at the login screen, with lock-out after too many wrong passwords. */
public final class LogInService implements LogInUseCase {
    private static final String ACTION = "LOGIN";

    private final LoadAccountPort accounts;
    private final AuthenticateCertificateService certificates;
    private final TransactionPort transactions;
    private final Audit audit;
    private final LoginPasswords loginPasswords;

    /** @param maxFailedPasswords wrong passwords in a row that lock the ID (default 6) */
    public LogInService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                        PasswordHasherPort hasher, AuthenticateCertificateService certificates,
                        AuditTrailPort auditTrail, TransactionPort transactions, int maxFailedPasswords, Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.loginPasswords = new LoginPasswords(accounts, savedAccounts, passwords, hasher, transactions, audit,
                maxFailedPasswords);
    }

    @Override
    public AuthenticatedId logIn(LogInCommand command) {
        LoginId id = command.loginId();
        String target = "login-id:" + id;
        Optional<LoginAccount> found = accounts.loadAccount(id);
        if (found.isEmpty()) {
            loginPasswords.matchDecoy(command.password());
            throw audit.refused(id.value(), ACTION, target, new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS)));
        }
        LoginAccount account = found.get();
        account.refusal().ifPresent(rejection -> {
            throw audit.refused(id.value(), ACTION, target, new RequestRefusedException(rejection));
        });
        if (!loginPasswords.matches(id, command.password())) {
            throw loginPasswords.wrongPassword(id, ACTION);
        }
        AuthenticatedId who = certificates.authenticateAs(command.clientCertificateDer(), id);
        if (account.failedPasswordAttempts() > 0) {
            loginPasswords.resetFailures(id);
        }
        transactions.inTransaction(() -> audit.success(id.value(), ACTION, target, "certificate " + who.certificate().hex()));
        return who;
    }
}
