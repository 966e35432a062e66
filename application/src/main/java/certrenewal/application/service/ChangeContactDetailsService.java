package certrenewal.application.service;

import certrenewal.application.port.in.ChangeContactDetailsCommand;
import certrenewal.application.port.in.ChangeContactDetailsUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import java.time.Clock;
import java.util.Optional;

/** A login ID's own contact details: the address only after its current password, the language freely. */
public final class ChangeContactDetailsService implements ChangeContactDetailsUseCase {
    private static final String ACTION = "CONTACT_CHANGED";
    private final ContactPort contacts;
    private final ConfirmationPasswords confirmations;
    private final TransactionPort transactions;
    private final Audit audit;

    public ChangeContactDetailsService(ContactPort contacts, ConfirmationPasswords confirmations,
                                       AuditTrailPort auditTrail, TransactionPort transactions, Clock clock) {
        this.contacts = contacts;
        this.confirmations = confirmations;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public Optional<ContactDetails> current(LoginId self) {
        return contacts.loadContact(self);
    }

    @Override
    public void change(ChangeContactDetailsCommand command) {
        LoginId self = command.self();
        String target = "login-id:" + self;
        Optional<ContactDetails> before = contacts.loadContact(self);
        ContactDetails after = new ContactDetails(self, command.address(), command.language());
        boolean addressChanges = before.map(c -> !c.address().equals(after.address())).orElse(true);
        try {
            if (addressChanges) {
                confirmations.confirmOwn(self, command.currentPassword());
            }
        } catch (RequestRefusedException e) {
            throw audit.refused(self.value(), ACTION, target, e);
        }
        transactions.inTransaction(() -> {
            contacts.saveContact(after);
            audit.success(self.value(), ACTION, target, "by the ID itself: "
                    + before.map(c -> c.address() + " (" + c.language().tag() + ")").orElse("none") + " -> "
                    + after.address() + " (" + after.language().tag() + ")");
        });
    }
}
