package certrenewal.application.port.in.admin;

/** Registers a user ID and grants its first issuance password (発行), with which the user obtains the certificate (取得). */
public interface RegisterUserIdUseCase {
    IssuancePassword register(RegisterUserIdCommand command);
}
