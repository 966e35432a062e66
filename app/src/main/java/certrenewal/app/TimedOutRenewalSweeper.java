package certrenewal.app;

import certrenewal.application.port.in.AbandonTimedOutRenewalsUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends renewals left open past their timeout, so their IDs can start again; on one node of the cluster at a time. */
@Singleton
final class TimedOutRenewalSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(TimedOutRenewalSweeper.class);
    private final AbandonTimedOutRenewalsUseCase renewals;
    private final ClusterTasks cluster;

    TimedOutRenewalSweeper(AbandonTimedOutRenewalsUseCase renewals, ClusterTasks cluster) {
        this.renewals = renewals;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.renewal.sweep-interval}", initialDelay = "${certrenewal.renewal.sweep-interval}")
    void sweep() {
        cluster.runIfHeld(ClusterTasks.RENEWAL_SWEEP, () -> {
            int abandoned = renewals.abandonTimedOut();
            if (abandoned > 0) {
                LOG.info("Abandoned {} timed-out renewals", abandoned);
            }
        });
    }
}
