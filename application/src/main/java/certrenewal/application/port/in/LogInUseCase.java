package certrenewal.application.port.in;

/**
 * Logs a login ID in with its password and its certificate: the current one, or a renewed one
 * used for the first time (which confirms the renewal). Wrong passwords in a row lock the ID.
 */
public interface LogInUseCase {
    /** @throws RequestRefusedException with the reason: wrong credentials, locked ID, missing or wrong certificate */
    AuthenticatedId logIn(LogInCommand command);
}
