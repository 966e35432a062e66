package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SetPasswordUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import java.time.Clock;
import java.util.Optional;

/** Password plus certificate at the login screen, with lock-out after too many wrong passwords. */
public final class LoginService implements LogInUseCase, SetPasswordUseCase {
    private final LoadAccountPort accounts;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final AuthenticationService certificates;
    private final TransactionPort transactions;
    private final Audit audit;
    private final LoginPasswords loginPasswords;

    public LoginService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                        PasswordHasherPort hasher, AuthenticationService certificates, AuditTrailPort auditTrail,
                        TransactionPort transactions, int maxFailedPasswords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.hasher = hasher;
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
            throw audit.refused(id.value(), "LOGIN", target, new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS)));
        }
        LoginAccount account = found.get();
        if (account.status() != AccountStatus.ACTIVE) {
            Code code = account.status() == AccountStatus.LOCKED ? Code.ID_LOCKED : Code.ID_REVOKED;
            throw audit.refused(id.value(), "LOGIN", target, new RequestRefusedException(Rejection.of(code)));
        }
        if (!loginPasswords.matches(id, command.password())) {
            throw loginPasswords.wrongPassword(id, "LOGIN");
        }
        AuthenticatedId who = certificates.authenticateAs(command.clientCertificateDer(), id);
        if (account.failedPasswordAttempts() > 0) {
            loginPasswords.resetFailures(id);
        }
        transactions.inTransaction(() -> audit.success(id.value(), "LOGIN", target, "certificate " + who.certificate().hex()));
        return who;
    }

    @Override
    public void setPassword(LoginId loginId, char[] password, String actor) {
        LoginPasswords.requireAcceptable(password);
        String hash = hasher.hash(password);
        transactions.inTransaction(() -> {
            accounts.loadAccount(loginId)
                    .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
            passwords.savePasswordHash(loginId, hash);
            audit.success(actor, "PASSWORD_SET", "login-id:" + loginId, "");
        });
    }
}
