package certrenewal.application.port.in.admin;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Objects;

/**
 * A new contract with its administrator ID and that ID's first login password (bank console).
 *
 * @param contactAddress where the administrator's notices and digest go; null only where no one gave one
 */
public record OpenContractCommand(Actor actor, Contract contract, LoginId administrator, LoginPassword initialLoginPassword,
                                  EmailAddress contactAddress, NoticeLanguage noticeLanguage) {
    public OpenContractCommand {
        Objects.requireNonNull(noticeLanguage, "notice language must not be null");
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(administrator, "administrator must not be null");
        Objects.requireNonNull(initialLoginPassword, "initial login password must not be null");
    }

    /** Without a contact address (the system's tests and bulk loads). */
    public OpenContractCommand(Actor actor, Contract contract, LoginId administrator, LoginPassword initialLoginPassword) {
        this(actor, contract, administrator, initialLoginPassword, null, NoticeLanguage.DEFAULT);
    }

    /** The administrator ID's contact details, when an address was given. */
    public java.util.Optional<ContactDetails> contact() {
        return contactAddress == null ? java.util.Optional.empty()
                : java.util.Optional.of(new ContactDetails(administrator, contactAddress, noticeLanguage));
    }

    @Override
    public String toString() {
        return "OpenContractCommand[" + actor.auditName() + ", " + contract.number() + ", " + administrator + "]";
    }
}
