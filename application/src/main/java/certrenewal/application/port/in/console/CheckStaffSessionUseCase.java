package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;

/**
 * Whether a staff member's console session may go on: asked at every request, so it reads the
 * staff account by its username and nothing else.
 */
public interface CheckStaffSessionUseCase {
    /**
     * Whether the session of {@code staff} (as it signed in), opened in {@code sessionGeneration}
     * ({@link #currentGeneration} when it opened), must end now, or must change its password before
     * anything else. Where staff certificates are required, the session ends too once the certificate it was opened
     * with ({@code certificateDer}, null when none) no longer logs in: superseded, ended, expired.
     */
    StaffSessionCheck check(Actor.Staff staff, long sessionGeneration, byte[] certificateDer);

    /** A session opened without a client certificate. */
    default StaffSessionCheck check(Actor.Staff staff, long sessionGeneration) {
        return check(staff, sessionGeneration, null);
    }

    /** The account's session generation now, which a session opened now records; 0 for an unknown account. */
    long currentGeneration(Actor.Staff staff);
}
