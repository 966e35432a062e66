package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.ListContractIdsUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** 利用者管理's list: the contract's IDs with certificate status, expiry and lock state. */
public final class ListContractIdsService implements ListContractIdsUseCase {
    private final ContractPort contracts;
    private final ConsoleQueryPort queries;
    private final Audit audit;
    private final Clock clock;

    public ListContractIdsService(ContractPort contracts, ConsoleQueryPort queries, AuditTrailPort auditTrail,
                                  TransactionPort transactions, Clock clock) {
        this.contracts = contracts;
        this.queries = queries;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.clock = clock;
    }

    @Override
    public List<LoginIdSummary> list(Actor actor, ContractNumber contract) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        try {
            Permissions.permit(actor, AdministrativeAction.LIST_CONTRACT_IDS, contract);
            if (contracts.loadContract(contract).isEmpty()) {
                throw refusal(Code.UNKNOWN_CONTRACT);
            }
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "LOGIN_IDS_LISTED", "contract:" + contract, e);
        }
        return queries.loginIdsOf(contract, clock.instant());
    }
}
