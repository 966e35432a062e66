package certrenewal.domain.administration;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may change a staff account, and when. Only security administrators manage staff (the system's
 * set-up command may create accounts); nobody changes their own account here (their password they
 * change on their own screen); the last active security administrator can be neither disabled nor
 * given another role, so that somebody can always manage staff; a change that would change nothing
 * is refused rather than audited as done; a disabled account gets no staff certificate.
 */
public final class StaffAdministration {
    private StaffAdministration() {
    }

    /**
     * Why {@code actor} may not make {@code change} to {@code target}, or empty when it may.
     *
     * @param target the account as stored now (for {@link StaffChange#CREATE}: the account to be made)
     * @param newRole the role asked for by {@link StaffChange#CHANGE_ROLE} (else ignored, may be null)
     * @param activeSecurityAdministrators how many enabled security administrator accounts exist now
     */
    public static Optional<Rejection> check(Actor actor, StaffChange change, StaffAccount target, StaffRole newRole,
                                            long activeSecurityAdministrators, Instant now) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(change, "change must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Optional<Rejection> role = AdministrationPolicy.check(actor, AdministrativeAction.MANAGE_STAFF);
        if (role.isPresent()) {
            return role;
        }
        if (actor instanceof Actor.Staff staff && staff.username().equals(target.username())) {
            return Optional.of(Rejection.of(Code.OWN_STAFF_ACCOUNT));
        }
        boolean removesSecurityAdministrator = target.activeSecurityAdministrator()
                && (change == StaffChange.DISABLE
                    || change == StaffChange.CHANGE_ROLE && newRole != StaffRole.SECURITY_ADMIN);
        if (removesSecurityAdministrator && activeSecurityAdministrators <= 1) {
            return Optional.of(Rejection.of(Code.LAST_SECURITY_ADMINISTRATOR));
        }
        if (change == StaffChange.ISSUE_CERTIFICATE && target.disabled()) {
            return Optional.of(Rejection.of(Code.STAFF_ACCOUNT_DISABLED));
        }
        boolean unchanged = switch (change) {
            case CREATE, RESET_PASSWORD, ISSUE_CERTIFICATE -> false;
            case DISABLE -> target.disabled();
            case ENABLE -> !target.disabled();
            case UNLOCK -> !target.lockedAt(now) && target.failedPasswordAttempts() == 0;
            case CHANGE_ROLE -> Objects.requireNonNull(newRole, "new role must not be null") == target.role();
        };
        return unchanged ? Optional.of(Rejection.of(Code.STAFF_ACCOUNT_UNCHANGED)) : Optional.empty();
    }
}
