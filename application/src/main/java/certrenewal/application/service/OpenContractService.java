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
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.administration.DualControlPolicy;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;

/** The bank (or the system) registers a contract with its administrator ID and that ID's first passwords. */
public final class OpenContractService implements OpenContractUseCase {
    private final ContractPort contracts;
    private final LoginIdRegistration registration;

    /** @param pickupPeriod how long the issuance password can be used (default 80 days) */
    private final DualControlPolicy dualControl;

    public OpenContractService(DualControlPolicy dualControl, ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                               ContactPort contactDetails,
                               PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                               Duration pickupPeriod, AuditTrailPort auditTrail, TransactionPort transactions,
                               Clock clock) {
        this.dualControl = dualControl;
        this.contracts = contracts;
        this.registration = new LoginIdRegistration(accounts, savedAccounts, contactDetails, passwords, hasher,
                new IssuanceGrants(grants, hasher, pickupPeriod), transactions, new Audit(auditTrail, transactions, clock),
                clock);
    }

    @Override
    public IssuancePassword open(OpenContractCommand command) {
        return open(command.actor(), command.contract(), command.administrator(),
                LoginIdRegistration.InitialPassword.typed(command.initialLoginPassword()), command.contact(), null);
    }

    /**
     * Registers a contract requested under dual control, once approved by {@code approver}: its administrator's first
     * login password was typed and hashed at the request, so that it was never stored in clear.
     */
    IssuancePassword openApproved(Actor approver, Contract contract, LoginId administrator, String loginPasswordHash,
                                  Optional<ContactDetails> contact, DualControlApproval approval) {
        return open(approver, contract, administrator, LoginIdRegistration.InitialPassword.hashed(loginPasswordHash),
                contact, approval);
    }

    private IssuancePassword open(Actor actor, Contract contract, LoginId administrator,
                                  LoginIdRegistration.InitialPassword initial, Optional<ContactDetails> contact,
                                  DualControlApproval approval) {
        return registration.register(actor, new LoginIdRegistration.Recorded("CONTRACT_REGISTERED",
                        "contract:" + contract.number(), issued -> DualControlApproval.detail(contract.name() + ", administrator "
                        + administrator + "; issuance password valid until " + issued.deadline(), approval)),
                initial,
                LoginAccount.register(administrator, contract.number(), IdKind.ADMINISTRATOR), contact,
                () -> {
                    Permissions.permit(actor, AdministrativeAction.REGISTER_CONTRACT, contract.number());
                    DualControlApproval.requireIfCovered(dualControl, approval, actor,
                            AdministrativeAction.REGISTER_CONTRACT, IdKind.ADMINISTRATOR);
                    // before the two password hashes (600,000 PBKDF2 iterations each): an existing contract costs
                    // nothing to refuse, e.g. the demo contract on every restart of the embedded default
                    requireNew(contract);
                },
                () -> {
                    requireNew(contract); // again in the transaction: a parallel request may have opened it meanwhile
                    contracts.insertContract(contract);
                    DualControlApproval.claimIn(approval);
                });
    }

    private void requireNew(Contract contract) {
        if (contracts.loadContract(contract.number()).isPresent()) {
            throw refusal(Code.CONTRACT_EXISTS);
        }
    }
}
