package certrenewal.application.port.out;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import java.util.Optional;

public interface ContractPort {
    Optional<Contract> loadContract(ContractNumber number);

    /** Stores a new contract; fails if the number exists. */
    void insertContract(Contract contract);
}
