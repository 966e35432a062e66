package certrenewal.application.service;

import certrenewal.application.port.in.console.ViewDashboardUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The console's dashboard for operators and auditors. Its figures count every certificate, about
 * a second at a million: they are kept and shown (with the time they were counted) until they are
 * {@code dashboardMaxAge} old, and {@link #refreshDashboard()} lets a scheduler count them anew
 * before anyone has to wait.
 */
public final class ViewDashboardService implements ViewDashboardUseCase {
    private final ConsoleQueryPort queries;
    private final ZoneId zone;
    private final Duration dashboardMaxAge;
    private final Clock clock;
    private final Audit audit;
    private final Object counting = new Object();
    private volatile DashboardFigures dashboard;

    /**
     * @param zone where the dashboard's days and weeks begin (the bank's: Asia/Tokyo)
     * @param dashboardMaxAge how old the dashboard's figures may be; zero counts them at every view
     */
    public ViewDashboardService(ConsoleQueryPort queries, AuditTrailPort auditTrail, TransactionPort transactions,
                                ZoneId zone, Duration dashboardMaxAge, Clock clock) {
        this.queries = queries;
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
        if (dashboardMaxAge.isNegative()) {
            throw new IllegalArgumentException("the dashboard's maximum age must not be negative");
        }
        this.dashboardMaxAge = dashboardMaxAge;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public DashboardFigures dashboard(Actor actor) {
        Permissions.permit(actor, AdministrativeAction.VIEW_DASHBOARD, audit, "CONSOLE_DASHBOARD", "console:dashboard");
        DashboardFigures kept = dashboard;
        if (isFresh(kept)) {
            return kept;
        }
        synchronized (counting) {
            // whoever waited here while another view counted takes that count
            return isFresh(dashboard) ? dashboard : count();
        }
    }

    /** Counts the dashboard's figures anew and keeps them; for a scheduler, no actor needed. */
    public DashboardFigures refreshDashboard() {
        synchronized (counting) {
            return count();
        }
    }

    private DashboardFigures count() {
        DashboardFigures counted = queries.dashboard(clock.instant(), zone);
        dashboard = counted;
        return counted;
    }

    private boolean isFresh(DashboardFigures figures) {
        return figures != null && clock.instant().isBefore(figures.asOf().plus(dashboardMaxAge));
    }
}
