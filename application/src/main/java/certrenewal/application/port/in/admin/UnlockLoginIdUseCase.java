package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;

/** Unlocks an ID locked by wrong passwords: users by their administrator, administrators by the bank. */
public interface UnlockLoginIdUseCase {
    /**
     * @param confirmationPassword the acting person's own password, typed again to confirm (customer
     *                             administrators: login password; staff: console password)
     */
    void unlock(Actor actor, LoginId target, char[] confirmationPassword);
}
