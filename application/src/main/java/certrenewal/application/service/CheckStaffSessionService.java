package certrenewal.application.service;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.in.console.StaffSessionCheck;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffCertificateLogin;
import certrenewal.domain.administration.StaffCertificateLogin.Requirement;
import certrenewal.domain.administration.StaffCertificateLogin.Verdict;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A staff member's console session lasts only while the account exists, is enabled, is not locked,
 * keeps the role it signed in with, and its password was neither changed elsewhere nor reset since
 * the session opened (the account's session generation is still the session's), and, where staff certificates are
 * required, while the certificate it was opened with still logs in ({@link StaffCertificateLogin}). A password set by
 * someone else must be changed before anything else.
 */
public final class CheckStaffSessionService implements CheckStaffSessionUseCase {
    private final StaffAccountPort staff;
    private final StaffCertificatePort staffCertificates;
    private final Requirement requirement;
    private final Clock clock;

    /** @param requirement whether sessions are bound to a staff certificate (as the login requires one) */
    public CheckStaffSessionService(StaffAccountPort staff, StaffCertificatePort staffCertificates, Requirement requirement,
                                    Clock clock) {
        this.staff = staff;
        this.staffCertificates = staffCertificates;
        this.requirement = Objects.requireNonNull(requirement, "requirement must not be null");
        this.clock = clock;
    }

    @Override
    public StaffSessionCheck check(Actor.Staff who, long sessionGeneration, byte[] certificateDer) {
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
        if (requirement == Requirement.REQUIRED) {
            Optional<SessionEnd> end = certificateEnd(who.username(), certificateDer);
            if (end.isPresent()) {
                return StaffSessionCheck.ends(end.get());
            }
        }
        return new StaffSessionCheck(Optional.empty(), account.mustChangePassword());
    }

    @Override
    public long currentGeneration(Actor.Staff who) {
        return staff.loadStaff(who.username()).map(StaffAccount::sessionGeneration).orElse(0L);
    }

    /** Why the session's certificate no longer keeps it open, or empty when it does. */
    private Optional<SessionEnd> certificateEnd(String username, byte[] certificateDer) {
        if (certificateDer == null) {
            // only a session opened before the requirement was switched on
            return Optional.of(SessionEnd.CERTIFICATE_REVOKED);
        }
        Verdict verdict;
        try {
            verdict = StaffCertificateLogin.judge(staffCertificates.loadStaffCertificate(
                    AuthenticateCertificateService.serialOf(certificateDer)).filter(c -> c.hasEncoding(certificateDer)),
                    username, clock.instant());
        } catch (RequestRefusedException e) {
            verdict = Verdict.NOT_A_STAFF_CERTIFICATE;
        }
        return switch (verdict) {
            case ACCEPTED -> Optional.empty();
            case SUPERSEDED -> Optional.of(SessionEnd.CERTIFICATE_SUPERSEDED);
            case EXPIRED, NOT_YET_VALID -> Optional.of(SessionEnd.CERTIFICATE_EXPIRED);
            case WITHDRAWN, NOT_A_STAFF_CERTIFICATE, OF_ANOTHER_ACCOUNT -> Optional.of(SessionEnd.CERTIFICATE_REVOKED);
        };
    }
}
