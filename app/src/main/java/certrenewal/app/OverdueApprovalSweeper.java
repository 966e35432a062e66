package certrenewal.app;

import certrenewal.application.port.in.console.ExpireApprovalRequestsUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records dual-control requests left undecided past their deadline as expired; on one node of the cluster at a time. */
@Singleton
final class OverdueApprovalSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(OverdueApprovalSweeper.class);
    private final ExpireApprovalRequestsUseCase approvals;
    private final ClusterTasks cluster;

    OverdueApprovalSweeper(ExpireApprovalRequestsUseCase approvals, ClusterTasks cluster) {
        this.approvals = approvals;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.console.approval-sweep-interval}",
            initialDelay = "${certrenewal.console.approval-sweep-interval}")
    void sweep() {
        cluster.runIfHeld(ClusterTasks.APPROVAL_EXPIRY, () -> {
            int expired = approvals.expireOverdue();
            if (expired > 0) {
                LOG.info("Recorded {} dual-control requests as expired", expired);
            }
        });
    }
}
