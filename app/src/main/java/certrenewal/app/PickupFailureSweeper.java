package certrenewal.app;

import certrenewal.application.port.in.ForgetOldPickupFailuresUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the failed-pickup counts the throttle has forgotten: anyone can add one by typing a login ID, so without
 * this they would pile up for ever. On one node of the cluster at a time.
 */
@Singleton
final class PickupFailureSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(PickupFailureSweeper.class);
    private final ForgetOldPickupFailuresUseCase failures;
    private final ClusterTasks cluster;

    PickupFailureSweeper(ForgetOldPickupFailuresUseCase failures, ClusterTasks cluster) {
        this.failures = failures;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.pickup.sweep-interval}", initialDelay = "${certrenewal.pickup.sweep-interval}")
    void sweep() {
        cluster.runIfHeld(ClusterTasks.PICKUP_FAILURE_SWEEP, () -> {
            int forgotten = failures.forgetOld();
            if (forgotten > 0) {
                LOG.info("Deleted the failed-pickup counts of {} login IDs, which the throttle no longer counts", forgotten);
            }
        });
    }
}
