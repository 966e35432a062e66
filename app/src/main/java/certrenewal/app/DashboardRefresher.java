package certrenewal.app;

import certrenewal.application.service.ViewDashboardService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Counts the console's dashboard anew at half its maximum age, so that no staff member waits for the count. */
@Singleton
final class DashboardRefresher {
    private final ViewDashboardService dashboard;

    DashboardRefresher(ViewDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Scheduled(fixedDelay = "${certrenewal.administration.dashboard-refresh:30s}", initialDelay = "${certrenewal.administration.dashboard-refresh:30s}")
    void refresh() {
        dashboard.refreshDashboard();
    }
}
