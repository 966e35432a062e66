package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SetPasswordUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
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
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final AuthenticationService certificates;
    private final TransactionPort transactions;
    private final int maxFailedPasswords;
    private final Audit audit;
    /** Compared against when the ID is unknown, so that the answer takes as long as for a known ID. */
    private final String decoyHash;

    public LoginService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                        PasswordHasherPort hasher, AuthenticationService certificates, AuditTrailPort auditTrail,
                        TransactionPort transactions, int maxFailedPasswords, Clock clock) {
        if (maxFailedPasswords < 1) {
            throw new IllegalArgumentException("the lock-out threshold must be at least 1");
        }
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.passwords = passwords;
        this.hasher = hasher;
        this.certificates = certificates;
        this.transactions = transactions;
        this.maxFailedPasswords = maxFailedPasswords;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    @Override
    public AuthenticatedId logIn(LogInCommand command) {
        LoginId id = command.loginId();
        String target = "login-id:" + id;
        Optional<LoginAccount> found = accounts.loadAccount(id);
        if (found.isEmpty()) {
            hasher.matches(command.password(), decoyHash);
            throw audit.refused(id.value(), "LOGIN", target, new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS)));
        }
        LoginAccount account = found.get();
        if (account.status() != AccountStatus.ACTIVE) {
            Code code = account.status() == AccountStatus.LOCKED ? Code.ID_LOCKED : Code.ID_REVOKED;
            throw audit.refused(id.value(), "LOGIN", target, new RequestRefusedException(Rejection.of(code)));
        }
        Optional<String> stored = passwords.loadPasswordHash(id);
        boolean passwordMatches = hasher.matches(command.password(), stored.orElse(decoyHash)) && stored.isPresent();
        if (!passwordMatches) {
            throw wrongPassword(id);
        }
        AuthenticatedId who = certificates.authenticateAs(command.clientCertificateDer(), id);
        if (account.failedPasswordAttempts() > 0) {
            resetFailedPasswords(id);
        }
        transactions.inTransaction(() -> audit.success(id.value(), "LOGIN", target, "certificate " + who.certificate().hex()));
        return who;
    }

    @Override
    public void setPassword(LoginId loginId, char[] password, String actor) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a login password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = hasher.hash(password);
        transactions.inTransaction(() -> {
            accounts.loadAccount(loginId)
                    .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
            passwords.savePasswordHash(loginId, hash);
            audit.success(actor, "PASSWORD_SET", "login-id:" + loginId, "");
        });
    }

    /** Counts the failure, locking the ID at the threshold, and returns the refusal to throw. */
    private RequestRefusedException wrongPassword(LoginId id) {
        for (int attempt = 0; ; attempt++) {
            try {
                LoginAccount counted = transactions.inTransaction(() -> {
                    LoginAccount current = accounts.loadAccount(id).orElseThrow();
                    LoginAccount next = current.recordFailedPassword(maxFailedPasswords);
                    savedAccounts.updateAccount(next);
                    audit.inCallerTransaction(id.value(), "LOGIN", "login-id:" + id, "REFUSED",
                            "wrong password (" + next.failedPasswordAttempts() + " in a row)");
                    if (next.status() == AccountStatus.LOCKED && current.status() != AccountStatus.LOCKED) {
                        audit.success("system", "ID_LOCKED", "login-id:" + id,
                                maxFailedPasswords + " wrong passwords in a row");
                    }
                    return next;
                });
                return new RequestRefusedException(Rejection.of(
                        counted.status() == AccountStatus.LOCKED ? Code.ID_LOCKED : Code.WRONG_CREDENTIALS));
            } catch (ConcurrentUpdateException e) {
                if (attempt > 3) {
                    return new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS));
                }
            }
        }
    }

    private void resetFailedPasswords(LoginId id) {
        try {
            transactions.inTransaction(() -> savedAccounts.updateAccount(
                    accounts.loadAccount(id).orElseThrow().recordSuccessfulPassword()));
        } catch (ConcurrentUpdateException e) {
            // another login reset or counted meanwhile; the next login resets again
        }
    }
}
