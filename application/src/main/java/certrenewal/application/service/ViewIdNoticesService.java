package certrenewal.application.service;

import certrenewal.application.port.in.console.ViewIdNoticesUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.NoticeQueryPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.IdNotices;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;

/** A login ID's contact details and notices, for staff allowed to search (a refusal is audited as the search's). */
public final class ViewIdNoticesService implements ViewIdNoticesUseCase {
    private final ContactPort contacts;
    private final NoticeQueryPort notices;
    private final Audit audit;

    public ViewIdNoticesService(ContactPort contacts, NoticeQueryPort notices, AuditTrailPort auditTrail,
                                TransactionPort transactions, Clock clock) {
        this.contacts = contacts;
        this.notices = notices;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public IdNotices noticesOf(Actor actor, LoginId id) {
        Permissions.permit(actor, AdministrativeAction.SEARCH, audit, "CONSOLE_SEARCH", "login-id:" + id);
        return new IdNotices(contacts.loadContact(id), notices.noticesOf(id));
    }
}
