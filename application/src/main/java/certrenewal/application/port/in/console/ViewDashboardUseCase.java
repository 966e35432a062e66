package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.domain.administration.Actor;

/** The console's dashboard: certificates by status, expiries per week, renewals per day (operators and auditors). */
public interface ViewDashboardUseCase {
    /** @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED for anyone else */
    DashboardFigures dashboard(Actor actor);
}
