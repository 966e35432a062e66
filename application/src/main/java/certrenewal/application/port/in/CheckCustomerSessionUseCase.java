package certrenewal.application.port.in;

import java.util.Optional;

/**
 * Whether a customer's signed-in session may go on: asked at every request, so it reads the
 * login ID and the session's certificate by their keys and nothing else.
 */
public interface CheckCustomerSessionUseCase {
    /** Why the session of {@code who} must end now, or empty when it may go on. */
    Optional<SessionEnd> check(AuthenticatedId who);
}
