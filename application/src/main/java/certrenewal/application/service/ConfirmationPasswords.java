package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;

/**
 * The acting person's own password, typed again to confirm a grave action: a customer
 * administrator's login password, a staff member's console password. A wrong one is refused but
 * not counted towards any lock-out: the person is already logged in, and a slip here must not
 * lock them out.
 */
final class ConfirmationPasswords {
    private final PasswordPort passwords;
    private final StaffAccountPort staff;
    private final PasswordHasherPort hasher;

    ConfirmationPasswords(PasswordPort passwords, StaffAccountPort staff, PasswordHasherPort hasher) {
        this.passwords = passwords;
        this.staff = staff;
        this.hasher = hasher;
    }

    /** @throws certrenewal.application.port.in.RequestRefusedException WRONG_CONFIRMATION_PASSWORD */
    void confirm(Actor actor, char[] password) {
        boolean confirmed = switch (actor) {
            case Actor.CustomerAdministrator admin ->
                    passwords.loadPasswordHash(admin.loginId()).filter(hash -> hasher.matches(password, hash)).isPresent();
            case Actor.Staff member -> staff.loadStaff(member.username()).map(StaffAccount::passwordHash)
                    .filter(hash -> hasher.matches(password, hash)).isPresent();
            case Actor.SystemTask system -> true;
        };
        if (!confirmed) {
            throw refusal(Code.WRONG_CONFIRMATION_PASSWORD);
        }
    }
}
