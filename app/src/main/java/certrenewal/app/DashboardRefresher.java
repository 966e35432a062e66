package certrenewal.app;

import certrenewal.application.service.ViewDashboardService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Counts the console's dashboard anew at half its maximum age, so that no staff member waits for the count; on one
 * node of the cluster at a time ({@link ClusterTasks}).
 */
@Singleton
final class DashboardRefresher {
    private final ViewDashboardService dashboard;
    private final ClusterTasks cluster;

    DashboardRefresher(ViewDashboardService dashboard, ClusterTasks cluster) {
        this.dashboard = dashboard;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.administration.dashboard-refresh:30s}", initialDelay = "${certrenewal.administration.dashboard-refresh:30s}")
    void refresh() {
        cluster.runIfHeld(ClusterTasks.DASHBOARD_REFRESH, dashboard::refreshDashboard);
    }
}
