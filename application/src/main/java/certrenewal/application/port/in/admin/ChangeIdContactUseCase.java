package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ContactDetails;
import java.util.Optional;

/** An administrator (the customer's for its user IDs, the bank's operator for any ID) changes an ID's contact details. */
public interface ChangeIdContactUseCase {
    /**
     * The ID's current contact details, for the change form; refused (NOT_PERMITTED, or UNKNOWN_LOGIN_ID to who may
     * search) as the change would be.
     */
    Optional<ContactDetails> current(Actor actor, LoginId target);

    /**
     * Stores the new address and language after the actor's own password (a wrong one is refused with
     * WRONG_CONFIRMATION_PASSWORD and counts towards the actor's lock-out). Audited either way.
     */
    void change(ChangeIdContactCommand command);
}
