package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.IdNotices;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;

/** The console's view of a login ID's contact details and the notices sent to it; for staff who may search. */
public interface ViewIdNoticesUseCase {
    IdNotices noticesOf(Actor actor, LoginId id);
}
