package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.ChangeIdContactUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.notice.ContactDetails;
import java.time.Clock;
import java.util.Optional;

/** An ID's contact details changed by its administrator or the bank, after the actor's own password; audited. */
public final class ChangeIdContactService implements ChangeIdContactUseCase {
    /** The same audit action as the ID's own change in 設定: the detail names who changed it. */
    private static final String ACTION = "CONTACT_CHANGED";
    private final LoadAccountPort accounts;
    private final ContactPort contacts;
    private final ConfirmationPasswords confirmations;
    private final TransactionPort transactions;
    private final Audit audit;

    public ChangeIdContactService(LoadAccountPort accounts, ContactPort contacts, ConfirmationPasswords confirmations,
                                  AuditTrailPort auditTrail, TransactionPort transactions, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.confirmations = confirmations;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public Optional<ContactDetails> current(Actor actor, LoginId target) {
        Permissions.permit(actor, AdministrativeAction.CHANGE_CONTACT, accounts.loadAccount(target), Code.UNKNOWN_LOGIN_ID);
        return contacts.loadContact(target);
    }

    @Override
    public void change(ChangeIdContactCommand command) {
        Actor actor = command.actor();
        LoginId id = command.loginId();
        String target = "login-id:" + id;
        try {
            Permissions.permit(actor, AdministrativeAction.CHANGE_CONTACT, accounts.loadAccount(id), Code.UNKNOWN_LOGIN_ID);
            confirmations.confirm(actor, command.confirmationPassword());
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), ACTION, target, e);
        }
        ContactDetails after = new ContactDetails(id, command.address(), command.language());
        transactions.inTransaction(() -> {
            Optional<ContactDetails> before = contacts.loadContact(id);
            contacts.saveContact(after);
            audit.success(actor.auditName(), ACTION, target, "by " + actor.auditName() + ": "
                    + before.map(c -> c.address() + " (" + c.language().tag() + ")").orElse("none") + " -> "
                    + after.address() + " (" + after.language().tag() + ")");
        });
    }
}
