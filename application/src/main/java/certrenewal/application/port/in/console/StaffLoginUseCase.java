package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;

/** The console's own login: staff username and password; 6 wrong passwords in a row lock the account. */
public interface StaffLoginUseCase {
    /** @throws certrenewal.application.port.in.RequestRefusedException WRONG_CREDENTIALS or ID_LOCKED */
    Actor.Staff logIn(String username, char[] password);
}
