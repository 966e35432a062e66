package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.CertificateRow;
import certrenewal.application.port.in.console.CertificateSearch;
import certrenewal.application.port.in.console.ConsoleQueryUseCase;
import certrenewal.application.port.in.console.ContractDetails;
import certrenewal.application.port.in.console.DashboardFigures;
import certrenewal.application.port.in.console.LoginIdDetails;
import certrenewal.application.port.in.console.SearchPage;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's read-only pages, each behind the policy: the dashboard for operators and auditors,
 * look-ups for operators.
 *
 * <p>The dashboard counts every certificate, about a second at a million: its figures are kept and
 * shown (with the time they were counted) until they are {@code dashboardMaxAge} old, and
 * {@link #refreshDashboard()} lets a scheduler count them anew before anyone has to wait.
 */
public final class ConsoleQueryService implements ConsoleQueryUseCase {
    private final ConsoleQueryPort queries;
    private final ZoneId zone;
    private final Duration dashboardMaxAge;
    private final Clock clock;
    private final Audit audit;
    private final Object countingDashboard = new Object();
    private volatile DashboardFigures dashboard;

    /**
     * @param zone where the dashboard's days and weeks begin (the bank's: Asia/Tokyo)
     * @param dashboardMaxAge how old the dashboard's figures may be; zero counts them at every view
     */
    public ConsoleQueryService(ConsoleQueryPort queries, AuditTrailPort auditTrail, TransactionPort transactions,
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
        permit(actor, AdministrativeAction.VIEW_DASHBOARD, "CONSOLE_DASHBOARD", "console:dashboard");
        DashboardFigures kept = dashboard;
        if (isFresh(kept)) {
            return kept;
        }
        synchronized (countingDashboard) {
            // whoever waited here while another view counted takes that count
            return isFresh(dashboard) ? dashboard : countDashboard();
        }
    }

    /** Counts the dashboard's figures anew and keeps them; for a scheduler, no actor needed. */
    public DashboardFigures refreshDashboard() {
        synchronized (countingDashboard) {
            return countDashboard();
        }
    }

    private DashboardFigures countDashboard() {
        DashboardFigures counted = queries.dashboard(clock.instant(), zone);
        dashboard = counted;
        return counted;
    }

    private boolean isFresh(DashboardFigures figures) {
        return figures != null && clock.instant().isBefore(figures.asOf().plus(dashboardMaxAge));
    }

    @Override
    public SearchPage<CertificateRow> search(Actor actor, CertificateSearch search) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "console:search");
        return queries.search(search, clock.instant());
    }

    @Override
    public Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "login-id:" + loginId);
        return queries.loginIdDetails(loginId, clock.instant());
    }

    @Override
    public Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "contract:" + contract);
        return queries.contractDetails(contract, clock.instant());
    }

    @Override
    public Optional<LoginId> ownerOf(Actor actor, SerialNumber serial) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "certificate:" + serial.hex());
        return queries.ownerOf(serial);
    }

    private void permit(Actor actor, AdministrativeAction action, String auditAction, String target) {
        AdministrationPolicy.check(actor, action, null, null).ifPresent(rejection -> {
            throw audit.refused(actor.auditName(), auditAction, target, new RequestRefusedException(rejection));
        });
    }
}
