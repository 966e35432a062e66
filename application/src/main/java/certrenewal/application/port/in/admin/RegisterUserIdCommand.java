package certrenewal.application.port.in.admin;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Objects;

/**
 * A new 利用者ID of {@code contract}, with its first login password.
 *
 * @param confirmationPassword the administrator's own login password (a staff member's console
 *                             password), typed again to confirm; not asked of the system's own tasks
 * @param contactAddress where the ID's expiry notices go; null only where no one gave one (then it gets none until
 *                       one is set)
 * @param noticeLanguage the language of its notices
 */
public record RegisterUserIdCommand(Actor actor, ContractNumber contract, LoginId loginId, LoginPassword initialLoginPassword,
                                    char[] confirmationPassword, EmailAddress contactAddress,
                                    NoticeLanguage noticeLanguage) {
    public RegisterUserIdCommand {
        Objects.requireNonNull(noticeLanguage, "notice language must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(initialLoginPassword, "initial login password must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
    }

    /** Without a contact address (the system's tests and bulk loads). */
    public RegisterUserIdCommand(Actor actor, ContractNumber contract, LoginId loginId, LoginPassword initialLoginPassword,
                                 char[] confirmationPassword) {
        this(actor, contract, loginId, initialLoginPassword, confirmationPassword, null, NoticeLanguage.DEFAULT);
    }

    /** The new ID's contact details, when an address was given. */
    public java.util.Optional<ContactDetails> contact() {
        return contactAddress == null ? java.util.Optional.empty()
                : java.util.Optional.of(new ContactDetails(loginId, contactAddress, noticeLanguage));
    }

    @Override
    public String toString() {
        return "RegisterUserIdCommand[" + actor.auditName() + ", " + contract + ", " + loginId + "]";
    }
}
