package certrenewal.application.port.in.console;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.domain.administration.Actor;
import java.util.Optional;

/**
 * Whether a staff member's console session may go on: asked at every request, so it reads the
 * staff account by its username and nothing else.
 */
public interface CheckStaffSessionUseCase {
    /** Why the session of {@code staff} (as it signed in) must end now, or empty when it may go on. */
    Optional<SessionEnd> check(Actor.Staff staff);
}
