package certrenewal.application.port.in.admin;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Objects;

/**
 * Someone else than the ID changes its contact address and notice language: a customer administrator for a user ID
 * of its contract (利用者管理), the bank's operator for any ID (console).
 *
 * @param confirmationPassword the acting person's own password typed again (customer administrator: login password;
 *                             staff: console password)
 */
public record ChangeIdContactCommand(Actor actor, LoginId loginId, EmailAddress address, NoticeLanguage language,
                                     char[] confirmationPassword) {
    public ChangeIdContactCommand {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(address, "address must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
    }

    @Override
    public String toString() {
        return "ChangeIdContactCommand[" + actor.auditName() + ", " + loginId + "]";
    }
}
