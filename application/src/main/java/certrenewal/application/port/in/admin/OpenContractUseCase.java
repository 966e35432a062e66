package certrenewal.application.port.in.admin;

/** Registers a contract with its administrator ID and grants that ID's first issuance password. */
public interface OpenContractUseCase {
    IssuancePassword open(OpenContractCommand command);
}
