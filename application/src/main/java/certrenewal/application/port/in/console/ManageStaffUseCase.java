package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.StaffMember;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import java.util.List;

/**
 * The security administrator's management of staff accounts: list, create with a role, disable,
 * re-enable, unlock, reset a password, change a role. Who may do what is
 * {@link certrenewal.domain.administration.StaffAdministration}'s; every change and refusal is
 * audited; a one-time password is returned once, never stored in clear, and must be changed at the
 * account's next login.
 *
 * @throws certrenewal.application.port.in.RequestRefusedException from every method, with the rule's code
 */
public interface ManageStaffUseCase {
    List<StaffMember> list(Actor actor);

    /** Makes an account whose one-time password must be changed at first login. */
    BootstrapCredential create(Actor actor, String username, StaffRole role);

    void disable(Actor actor, String username);

    void enable(Actor actor, String username);

    void unlock(Actor actor, String username);

    /** A new one-time password; the account's sessions end and it is unlocked. */
    BootstrapCredential resetPassword(Actor actor, String username);

    void changeRole(Actor actor, String username, StaffRole role);
}
