package certrenewal.application.port.in;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Objects;

/**
 * A login ID changes its own contact address and notice language (設定).
 *
 * @param currentPassword the ID's login password, asked when the address changes (not for the language alone)
 */
public record ChangeContactDetailsCommand(LoginId self, EmailAddress address, NoticeLanguage language,
                                          char[] currentPassword) {
    public ChangeContactDetailsCommand {
        Objects.requireNonNull(self, "login ID must not be null");
        Objects.requireNonNull(address, "address must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(currentPassword, "password must not be null");
    }

    @Override
    public String toString() {
        return "ChangeContactDetailsCommand[" + self + "]";
    }
}
