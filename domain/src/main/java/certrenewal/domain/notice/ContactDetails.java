package certrenewal.domain.notice;

import certrenewal.domain.account.LoginId;
import java.util.Objects;

/** Where and in which language a login ID is told about its certificate (expiry notices, the digest). */
public record ContactDetails(LoginId loginId, EmailAddress address, NoticeLanguage language) {
    public ContactDetails {
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(address, "address must not be null");
        Objects.requireNonNull(language, "language must not be null");
    }

    public ContactDetails withAddress(EmailAddress newAddress) {
        return new ContactDetails(loginId, newAddress, language);
    }

    public ContactDetails withLanguage(NoticeLanguage newLanguage) {
        return new ContactDetails(loginId, address, newLanguage);
    }
}
