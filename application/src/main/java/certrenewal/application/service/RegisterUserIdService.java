package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.time.Duration;

/** 利用者登録: a customer administrator (or the system) registers a user ID of the contract with its first passwords. */
public final class RegisterUserIdService implements RegisterUserIdUseCase {
    private final ContractPort contracts;
    private final LoginIdRegistration registration;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** @param pickupPeriod how long the issuance password can be used (default 80 days) */
    public RegisterUserIdService(ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                 PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                 Duration pickupPeriod, AuditTrailPort auditTrail, TransactionPort transactions,
                                 Clock clock) {
        this.contracts = contracts;
        this.registration = new LoginIdRegistration(accounts, savedAccounts, passwords, hasher,
                new IssuanceGrants(grants, hasher, pickupPeriod));
        this.transactions = new RetryingTransactions(transactions);
        this.audit = new Audit(auditTrail, transactions, clock);
        this.clock = clock;
    }

    @Override
    public IssuancePassword register(RegisterUserIdCommand command) {
        Actor actor = command.actor();
        String target = "login-id:" + command.loginId();
        try {
            Permissions.permit(actor, AdministrativeAction.REGISTER_USER_ID, command.contract());
            LoginIdRegistration.Prepared prepared = registration.prepare(command.initialLoginPassword());
            return transactions.inTransaction(() -> {
                if (contracts.loadContract(command.contract()).isEmpty()) {
                    throw refusal(Code.UNKNOWN_CONTRACT);
                }
                IssuancePassword issued = registration.insert(
                        LoginAccount.register(command.loginId(), command.contract(), IdKind.USER), prepared, clock.instant());
                audit.success(actor.auditName(), "LOGIN_ID_REGISTERED", target, "USER of contract "
                        + command.contract() + "; issuance password valid until " + issued.deadline());
                return issued;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "LOGIN_ID_REGISTERED", target, e);
        }
    }
}
