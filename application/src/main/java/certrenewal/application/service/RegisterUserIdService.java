package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
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
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.time.Duration;

/**
 * 利用者登録: a customer administrator (or the system) registers a user ID of the contract with its
 * first passwords, after typing their own password again.
 */
public final class RegisterUserIdService implements RegisterUserIdUseCase {
    private final ContractPort contracts;
    private final LoginIdRegistration registration;
    private final ConfirmationPasswords confirmations;

    /** @param pickupPeriod how long the issuance password can be used (default 80 days) */
    public RegisterUserIdService(ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                 ContactPort contactDetails,
                                 PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                 Duration pickupPeriod, ConfirmationPasswords confirmations, AuditTrailPort auditTrail,
                                 TransactionPort transactions, Clock clock) {
        this.contracts = contracts;
        this.confirmations = confirmations;
        this.registration = new LoginIdRegistration(accounts, savedAccounts, contactDetails, passwords, hasher,
                new IssuanceGrants(grants, hasher, pickupPeriod), transactions, new Audit(auditTrail, transactions, clock),
                clock);
    }

    @Override
    public IssuancePassword register(RegisterUserIdCommand command) {
        return registration.register(command.actor(), new LoginIdRegistration.Recorded("LOGIN_ID_REGISTERED",
                        "login-id:" + command.loginId(), issued -> "USER of contract " + command.contract()
                        + "; issuance password valid until " + issued.deadline()),
                command.initialLoginPassword(), LoginAccount.register(command.loginId(), command.contract(), IdKind.USER),
                command.contact(),
                () -> {
                    Permissions.permit(command.actor(), AdministrativeAction.REGISTER_USER_ID, command.contract());
                    confirmations.confirm(command.actor(), command.confirmationPassword());
                },
                () -> {
                    if (contracts.loadContract(command.contract()).isEmpty()) {
                        throw refusal(Code.UNKNOWN_CONTRACT);
                    }
                });
    }
}
