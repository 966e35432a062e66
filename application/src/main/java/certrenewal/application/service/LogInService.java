package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import java.time.Clock;

/** Password plus certificate at the login screen, with lock-out after too many wrong passwords. */
public final class LogInService implements LogInUseCase {
    private static final String ACTION = "LOGIN";

    private final AuthenticateCertificateService certificates;
    private final TransactionPort transactions;
    private final Audit audit;
    private final LoginPasswords loginPasswords;
    private final PasswordPort passwords;

    /** @param maxFailedPasswords wrong passwords in a row that lock the ID (default 6) */
    public LogInService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                        PasswordHasherPort hasher, AuthenticateCertificateService certificates,
                        AuditTrailPort auditTrail, TransactionPort transactions, int maxFailedPasswords, Clock clock) {
        this.certificates = certificates;
        this.transactions = transactions;
        this.passwords = passwords;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.loginPasswords = new LoginPasswords(accounts, savedAccounts, passwords, hasher, transactions, audit,
                maxFailedPasswords);
    }

    /**
     * The certificate first: no certificate, one the bank did not issue, a revoked one or one of
     * another ID is refused before the password is looked at, so that neither a wrong password
     * counts towards the lock-out nor a right one can be told from a wrong one without the ID's own
     * certificate. Every refusal but "no certificate" takes as long as a wrong password.
     */
    @Override
    public AuthenticatedId logIn(LogInCommand command) {
        LoginId id = command.loginId();
        String target = "login-id:" + id;
        AuthenticateCertificateService.Presented presented;
        try {
            presented = certificates.present(command.clientCertificateDer(), id, command.from());
        } catch (RequestRefusedException e) {
            if (e.rejection().code() == Code.NO_CLIENT_CERTIFICATE) {
                throw e; // no password was looked at: "choose your certificate" tells nothing about it
            }
            loginPasswords.matchDecoy(command.password());
            throw asTold(e);
        }
        LoginAccount account = presented.account();
        if (account.status() == AccountStatus.LOCKED) {
            loginPasswords.matchDecoy(command.password());
            throw audit.refused(id.value(), ACTION, target, new RequestRefusedException(Rejection.of(Code.ID_LOCKED)));
        }
        if (!loginPasswords.matches(id, command.password())) {
            throw loginPasswords.wrongPassword(id, ACTION);
        }
        if (account.failedPasswordAttempts() > 0) {
            loginPasswords.resetFailures(id);
        }
        AuthenticatedId who;
        try {
            who = certificates.complete(presented);
        } catch (ConcurrentUpdateException e) {
            // a parallel request confirmed or replaced the renewal first: judge again on what is stored now
            who = certificates.complete(certificates.present(command.clientCertificateDer(), id, command.from()));
        }
        // what the login may reach: a password someone else chose is changed first; an expired certificate renews
        PasswordState password = passwords.loadPasswordState(id).orElse(PasswordState.INITIAL);
        AuthenticatedId authenticated = who.withCredentials(password.epoch(),
                AccessScope.of(password, who.scope() == AccessScope.RENEWAL_AFTER_EXPIRY));
        transactions.inTransaction(() -> audit.success(id.value(), ACTION, target,
                "certificate " + authenticated.certificate().hex() + switch (authenticated.scope()) {
                    case FULL -> "";
                    case PASSWORD_CHANGE -> "; must change the login password first";
                    case RENEWAL_AFTER_EXPIRY -> "; the certificate has expired: renewal only";
                }));
        return authenticated;
    }

    /**
     * Refusals of the certificate as the login screen tells them: only what the holder of the ID's
     * own certificate may learn (it was replaced by a renewed one, it expired and who can re-issue it) is said as it is;
     * the rest is the one answer for "ID, password or certificate not accepted".
     */
    private static RequestRefusedException asTold(RequestRefusedException refusal) {
        return switch (refusal.rejection().code()) {
            case CERTIFICATE_SUPERSEDED, CERTIFICATE_EXPIRED, EXPIRED_REISSUE_BY_ADMINISTRATOR, EXPIRED_REISSUE_BY_BANK -> refusal;
            default -> new RequestRefusedException(Rejection.of(Code.WRONG_CREDENTIALS));
        };
    }
}
