package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.NoticeLanguage;
import java.time.Instant;
import java.util.Objects;

/**
 * One expiry notice to send: to whom, in which language, about which ID and certificate. Carries no secret: the
 * mail adapter writes it with the login URL and the manual's steps, never a link with a token.
 *
 * @param daysLeft whole days left at the moment the notice was queued (0 for the notice on expiry)
 */
public record NoticeMail(long reference, EmailAddress recipient, NoticeLanguage language, LoginId loginId,
                         ExpiryNotice notice, Instant notAfter, int daysLeft) implements OutgoingMail {
    public NoticeMail {
        Objects.requireNonNull(recipient, "recipient must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(notice, "notice must not be null");
        Objects.requireNonNull(notAfter, "notAfter must not be null");
    }

    @Override
    public String key() {
        return notice.key();
    }
}
