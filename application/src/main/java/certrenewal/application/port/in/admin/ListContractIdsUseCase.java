package certrenewal.application.port.in.admin;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.administration.Actor;
import java.util.List;

/** 利用者管理: the contract's IDs with certificate status, expiry and lock state. */
public interface ListContractIdsUseCase {
    List<LoginIdSummary> list(Actor actor, ContractNumber contract);
}
