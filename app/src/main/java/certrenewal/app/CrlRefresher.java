package certrenewal.app;

import certrenewal.application.port.in.GetCrlUseCase;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Keeps the stored CRL fresh on every node: signs one at start when none is stored or it nears its nextUpdate, signs
 * what a revocation held back by the minimum interval once it has passed, and renews before nextUpdate (revocations
 * publish at once themselves). Whichever node comes first signs; the others find its CRL stored. Not under a cluster
 * lease: the database's publication lock already lets one node sign at a time, and a revocation held back on a node
 * is known to that node alone, so every node must look at its own.
 */
@Singleton
final class CrlRefresher {
    private final GetCrlUseCase crl;

    CrlRefresher(GetCrlUseCase crl) {
        this.crl = crl;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        crl.publishPending();
    }

    /** Cheap when there is nothing to do: one look at the newest stored CRL's number and times. */
    @Scheduled(fixedDelay = "${certrenewal.crl.refresh-check:1s}", initialDelay = "${certrenewal.crl.refresh-check:1s}")
    void keepFresh() {
        crl.publishPending();
    }
}
