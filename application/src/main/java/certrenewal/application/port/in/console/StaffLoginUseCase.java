package certrenewal.application.port.in.console;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.domain.administration.Actor;

/**
 * The console's own login: staff username and password, and where the bank requires it the account's current staff
 * client certificate; wrong passwords (and wrong certificates) in a row lock the account for a while. Unknown, locked
 * and wrong-password accounts and wrong certificates get the same answer.
 */
public interface StaffLoginUseCase {
    /**
     * @param certificateDer the TLS client certificate of the connection, or null when none was presented
     * @param from where the request came from: refusals of unknown names are counted per address in
     *             the audit trail rather than recorded once per request
     * @throws certrenewal.application.port.in.RequestRefusedException WRONG_CREDENTIALS; NO_CLIENT_CERTIFICATE when
     *     a certificate is required and none was presented
     */
    Actor.Staff logIn(String username, char[] password, byte[] certificateDer, ClientAddress from);

    /** Whether the login needs a staff client certificate (the login page says so). */
    boolean certificateRequired();

    /** Without a client certificate. */
    default Actor.Staff logIn(String username, char[] password, ClientAddress from) {
        return logIn(username, password, null, from);
    }

    /** For callers inside the server (set-up, tests). */
    default Actor.Staff logIn(String username, char[] password) {
        return logIn(username, password, ClientAddress.IN_PROCESS);
    }
}
