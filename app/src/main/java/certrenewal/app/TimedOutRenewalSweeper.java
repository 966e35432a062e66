package certrenewal.app;

import certrenewal.application.port.in.AbandonTimedOutRenewalsUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends renewals left open past their timeout, so their IDs can start again. */
@Singleton
final class TimedOutRenewalSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(TimedOutRenewalSweeper.class);
    private final AbandonTimedOutRenewalsUseCase renewals;

    TimedOutRenewalSweeper(AbandonTimedOutRenewalsUseCase renewals) {
        this.renewals = renewals;
    }

    @Scheduled(fixedDelay = "${certrenewal.renewal.sweep-interval}", initialDelay = "${certrenewal.renewal.sweep-interval}")
    void sweep() {
        int abandoned = renewals.abandonTimedOut();
        if (abandoned > 0) {
            LOG.info("Abandoned {} timed-out renewals", abandoned);
        }
    }
}
