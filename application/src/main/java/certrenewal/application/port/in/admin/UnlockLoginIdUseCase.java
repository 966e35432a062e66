package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;

/** Unlocks an ID locked by wrong passwords: users by their administrator, administrators by the bank. */
public interface UnlockLoginIdUseCase {
    void unlock(Actor actor, LoginId target);
}
