package certrenewal.application.port.in;

/**
 * A login ID changes its own login password: the bank's password rule, not one of its last few, the current one
 * typed right (a wrong one counts towards the lock-out as at login). The change ends the ID's other sessions and
 * lifts a change that was required because someone else chose the password.
 */
public interface ChangeLoginPasswordUseCase {
    /**
     * @return the same ID with its new credential epoch and what it may reach now, for the session that changed it
     * @throws RequestRefusedException WRONG_CURRENT_PASSWORD (ID_LOCKED when it locked the ID),
     *         NEW_PASSWORDS_DIFFER, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_CONTAINS_NAME,
     *         PASSWORD_RECENTLY_USED; nothing changed
     */
    AuthenticatedId change(ChangeLoginPasswordCommand command);
}
