package certrenewal.app;

import certrenewal.application.port.in.WriteAuditCheckpointUseCase;
import certrenewal.domain.audit.AuditCheckpoint;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the audit chain outside the database: a signed checkpoint of its end every
 * {@code certrenewal.audit.checkpoint-interval} when it grew, and a last one at shutdown. The use
 * case chains what is pending itself before it reads the end, and at shutdown this listener runs
 * after every other one, the audit sealer's included, while the connection pool is still open;
 * so the last checkpoint covers the last seal. Each server writes its own file.
 */
@Singleton
final class AuditCheckpointWriter implements ApplicationEventListener<ShutdownEvent>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointWriter.class);
    private final WriteAuditCheckpointUseCase checkpoints;

    AuditCheckpointWriter(WriteAuditCheckpointUseCase checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelay = "${certrenewal.audit.checkpoint-interval}",
            initialDelay = "${certrenewal.audit.checkpoint-interval}")
    void periodically() {
        write("periodic");
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        write("shutdown");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A failure is logged and tried again next time: the records stay protected by the database meanwhile. */
    private void write(String when) {
        try {
            Optional<AuditCheckpoint> written = checkpoints.writeCheckpoint();
            written.ifPresent(c -> LOG.debug("Audit checkpoint ({}): record {} {}", when, c.seq(), c.hash()));
        } catch (RuntimeException e) {
            LOG.error("Writing the {} audit checkpoint failed; the chain's newest records are anchored in the database"
                    + " alone until the next one: {}", when, e.toString());
        }
    }
}
