package certrenewal.application.readmodel;

import certrenewal.domain.account.Contract;
import java.util.List;

public record ContractDetails(Contract contract, List<LoginIdSummary> loginIds) {
}
