package certrenewal.app;

import certrenewal.application.port.in.WriteRefusalTalliesUseCase;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the counted refusals of unknown callers into the audit trail once their minute is over,
 * and what is counted at shutdown; before the last audit checkpoint, which runs after every other
 * shutdown listener, so that it covers them.
 */
@Singleton
final class RefusalTallyWriter implements ApplicationEventListener<ShutdownEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalTallyWriter.class);
    private final WriteRefusalTalliesUseCase tallies;

    RefusalTallyWriter(WriteRefusalTalliesUseCase tallies) {
        this.tallies = tallies;
    }

    @Scheduled(fixedDelay = "${certrenewal.audit.unknown-caller-write-interval:15s}",
            initialDelay = "${certrenewal.audit.unknown-caller-write-interval:15s}")
    void periodically() {
        try {
            tallies.writeFinishedMinutes();
        } catch (RuntimeException e) {
            LOG.warn("Writing the counted refusals of unknown callers failed; kept for the next try: {}", e.toString());
        }
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        try {
            tallies.writeAll();
        } catch (RuntimeException e) {
            LOG.error("Writing the counted refusals of unknown callers at shutdown failed: {}", e.toString());
        }
    }
}
