package certrenewal.app;

import certrenewal.application.port.in.GetCrlUseCase;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Publishes a CRL at start and keeps it fresh before its nextUpdate; revocations publish at once themselves. */
@Singleton
final class CrlRefresher {
    private final GetCrlUseCase crl;
    private final ClusterTasks cluster;

    CrlRefresher(GetCrlUseCase crl, ClusterTasks cluster) {
        this.crl = crl;
        this.cluster = cluster;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        crl.publishCrl();
    }

    /**
     * currentCrl() signs a new one when the current one is near its nextUpdate; on one node of the cluster at a
     * time. (Each node keeps the CRL it serves and signs one at its start; currentCrl() also signs a due one
     * when asked, so a node that does not hold the lease never serves a CRL past its nextUpdate.)
     */
    @Scheduled(fixedDelay = "${certrenewal.crl.refresh-check:10m}", initialDelay = "${certrenewal.crl.refresh-check:10m}")
    void keepFresh() {
        cluster.runIfHeld(ClusterTasks.CRL_REFRESH, crl::currentCrl);
    }
}
