package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;

/**
 * Every staff member changes their own console password: the current one, and a new one that follows
 * {@link certrenewal.domain.account.LoginPassword#problemWith(char[], String)} and is none of the
 * account's last {@link certrenewal.domain.account.LoginPassword#REMEMBERED_PASSWORDS}. The account's
 * other console sessions end.
 */
public interface ChangeStaffPasswordUseCase {
    /**
     * @throws certrenewal.application.port.in.RequestRefusedException WRONG_CURRENT_PASSWORD (counted
     *         towards the lock-out as at login), PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG,
     *         PASSWORD_CONTAINS_NAME, PASSWORD_RECENTLY_USED
     */
    void change(Actor.Staff staff, char[] currentPassword, char[] newPassword);
}
