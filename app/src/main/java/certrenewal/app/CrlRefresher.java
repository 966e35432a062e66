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

    CrlRefresher(GetCrlUseCase crl) {
        this.crl = crl;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        crl.publishCrl();
    }

    /** currentCrl() signs a new one when the current one is near its nextUpdate. */
    @Scheduled(fixedDelay = "${certrenewal.crl.refresh-check:10m}", initialDelay = "${certrenewal.crl.refresh-check:10m}")
    void keepFresh() {
        crl.currentCrl();
    }
}
