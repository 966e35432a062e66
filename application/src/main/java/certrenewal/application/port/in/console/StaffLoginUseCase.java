package certrenewal.application.port.in.console;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.domain.administration.Actor;

/**
 * The console's own login: staff username and password; wrong passwords in a row lock the account
 * for a while. Unknown, locked and wrong-password accounts get the same answer.
 */
public interface StaffLoginUseCase {
    /**
     * @param from where the request came from: refusals of unknown names are counted per address in
     *             the audit trail rather than recorded once per request
     * @throws certrenewal.application.port.in.RequestRefusedException WRONG_CREDENTIALS
     */
    Actor.Staff logIn(String username, char[] password, ClientAddress from);

    /** For callers inside the server (set-up, tests). */
    default Actor.Staff logIn(String username, char[] password) {
        return logIn(username, password, ClientAddress.IN_PROCESS);
    }
}
