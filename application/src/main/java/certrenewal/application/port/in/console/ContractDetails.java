package certrenewal.application.port.in.console;

import certrenewal.application.port.in.admin.LoginIdSummary;
import certrenewal.domain.account.Contract;
import java.util.List;

public record ContractDetails(Contract contract, List<LoginIdSummary> loginIds) {
}
