package certrenewal.application.service;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** A staff member's console session lasts only while the account exists, is not locked and keeps the role it signed in with. */
public final class CheckStaffSessionService implements CheckStaffSessionUseCase {
    private final StaffAccountPort staff;
    private final Clock clock;

    public CheckStaffSessionService(StaffAccountPort staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public Optional<SessionEnd> check(Actor.Staff who) {
        Objects.requireNonNull(who, "staff must not be null");
        Optional<StaffAccount> found = staff.loadStaff(who.username());
        if (found.isEmpty()) {
            return Optional.of(SessionEnd.WITHDRAWN);
        }
        if (found.get().lockedAt(clock.instant())) {
            return Optional.of(SessionEnd.LOCKED);
        }
        if (found.get().role() != who.role()) {
            return Optional.of(SessionEnd.ROLE_CHANGED);
        }
        return Optional.empty();
    }
}
