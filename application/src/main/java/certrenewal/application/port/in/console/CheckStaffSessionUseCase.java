package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;
import java.time.Instant;

/**
 * Whether a staff member's console session may go on: asked at every request, so it reads the
 * staff account by its username and nothing else.
 */
public interface CheckStaffSessionUseCase {
    /**
     * Whether the session of {@code staff} (as it signed in), opened at {@code openedAt}, must end
     * now, or must change its password before anything else.
     */
    StaffSessionCheck check(Actor.Staff staff, Instant openedAt);
}
