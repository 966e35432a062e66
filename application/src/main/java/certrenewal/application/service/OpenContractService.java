package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
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
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.time.Duration;

/** The bank (or the system) registers a contract with its administrator ID and that ID's first passwords. */
public final class OpenContractService implements OpenContractUseCase {
    private final ContractPort contracts;
    private final LoginIdRegistration registration;

    /** @param pickupPeriod how long the issuance password can be used (default 80 days) */
    public OpenContractService(ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                               ContactPort contactDetails,
                               PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                               Duration pickupPeriod, AuditTrailPort auditTrail, TransactionPort transactions,
                               Clock clock) {
        this.contracts = contracts;
        this.registration = new LoginIdRegistration(accounts, savedAccounts, contactDetails, passwords, hasher,
                new IssuanceGrants(grants, hasher, pickupPeriod), transactions, new Audit(auditTrail, transactions, clock),
                clock);
    }

    @Override
    public IssuancePassword open(OpenContractCommand command) {
        Contract contract = command.contract();
        return registration.register(command.actor(), new LoginIdRegistration.Recorded("CONTRACT_REGISTERED",
                        "contract:" + contract.number(), issued -> contract.name() + ", administrator "
                        + command.administrator() + "; issuance password valid until " + issued.deadline()),
                command.initialLoginPassword(),
                LoginAccount.register(command.administrator(), contract.number(), IdKind.ADMINISTRATOR), command.contact(),
                () -> {
                    Permissions.permit(command.actor(), AdministrativeAction.REGISTER_CONTRACT, contract.number());
                    // before the two password hashes (600,000 PBKDF2 iterations each): an existing contract costs
                    // nothing to refuse, e.g. the demo contract on every restart of the embedded default
                    requireNew(contract);
                },
                () -> {
                    requireNew(contract); // again in the transaction: a parallel request may have opened it meanwhile
                    contracts.insertContract(contract);
                });
    }

    private void requireNew(Contract contract) {
        if (contracts.loadContract(contract.number()).isPresent()) {
            throw refusal(Code.CONTRACT_EXISTS);
        }
    }
}
