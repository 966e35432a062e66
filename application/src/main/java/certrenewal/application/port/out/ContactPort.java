package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import java.util.Optional;

/** Each login ID's contact e-mail address and notice language, kept apart from the login account. */
public interface ContactPort {
    Optional<ContactDetails> loadContact(LoginId id);

    /** Stores or replaces the ID's contact details; inside the caller's transaction. */
    void saveContact(ContactDetails contact);
}
