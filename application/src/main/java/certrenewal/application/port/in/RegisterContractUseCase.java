package certrenewal.application.port.in;

public interface RegisterContractUseCase {
    /** @throws RequestRefusedException when the contract or the login ID exists */
    void register(RegisterContractCommand command);
}
