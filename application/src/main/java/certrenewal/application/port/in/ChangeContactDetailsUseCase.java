package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import java.util.Optional;

/** The settings screen: a login ID reads and changes its own contact address and notice language. */
public interface ChangeContactDetailsUseCase {

    Optional<ContactDetails> current(LoginId self);

    /**
     * Stores the new details; a changed address needs the ID's current login password (a wrong one is refused with
     * WRONG_CONFIRMATION_PASSWORD and counts towards the ID's lock-out). Audited either way.
     */
    void change(ChangeContactDetailsCommand command);
}
