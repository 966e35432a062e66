package certrenewal.application.service;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.in.console.StaffSessionCheck;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A staff member's console session lasts only while the account exists, is enabled, is not locked,
 * keeps the role it signed in with, and its password was neither changed elsewhere nor reset since
 * the session opened (the account's session generation is still the session's). A password set by someone else must be changed before anything else.
 */
public final class CheckStaffSessionService implements CheckStaffSessionUseCase {
    private final StaffAccountPort staff;
    private final Clock clock;

    public CheckStaffSessionService(StaffAccountPort staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public StaffSessionCheck check(Actor.Staff who, long sessionGeneration) {
        Objects.requireNonNull(who, "staff must not be null");
        Optional<StaffAccount> found = staff.loadStaff(who.username());
        if (found.isEmpty()) {
            return StaffSessionCheck.ends(SessionEnd.WITHDRAWN);
        }
        StaffAccount account = found.get();
        if (account.disabled()) {
            return StaffSessionCheck.ends(SessionEnd.DISABLED);
        }
        if (account.lockedAt(clock.instant())) {
            return StaffSessionCheck.ends(SessionEnd.LOCKED);
        }
        if (account.role() != who.role()) {
            return StaffSessionCheck.ends(SessionEnd.ROLE_CHANGED);
        }
        if (account.sessionEndedBy(sessionGeneration)) {
            return StaffSessionCheck.ends(SessionEnd.PASSWORD_CHANGED);
        }
        return new StaffSessionCheck(Optional.empty(), account.mustChangePassword());
    }

    @Override
    public long currentGeneration(Actor.Staff who) {
        return staff.loadStaff(who.username()).map(StaffAccount::sessionGeneration).orElse(0L);
    }
}
