package certrenewal.application.port.in;

public interface RegisterLoginIdUseCase {
    /** @throws RequestRefusedException when the contract is unknown or the login ID exists */
    void register(RegisterLoginIdCommand command);
}
