package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;

/** Sets a login ID's login password (at registration; by the customer's administrator or the bank later). */
public interface SetPasswordUseCase {
    void setPassword(LoginId loginId, char[] password, String actor);
}
