package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.OperationsQueryPort;
import io.micronaut.context.annotation.Value;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * "auditSealer": no committed audit entry has waited in the outbox longer than
 * {@code certrenewal.monitoring.audit-sealer-max-lag} to be chained. The sealer chains within a second normally;
 * entries waiting longer are protected by the database's permissions alone (see the README's audit trail).
 */
@Singleton
@Readiness
final class AuditSealerHealthIndicator extends BlockingHealthIndicator {
    private final OperationsQueryPort outbox;
    private final Clock clock;
    private final Duration maxLag;

    AuditSealerHealthIndicator(OperationsQueryPort outbox, Clock clock,
                               @Value("${certrenewal.monitoring.audit-sealer-max-lag:1m}") Duration maxLag,
                               @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super("auditSealer", executor);
        this.outbox = outbox;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    Outcome check() {
        Optional<Instant> oldest = outbox.oldestUnsealedAuditEntry();
        if (oldest.isEmpty()) {
            return Outcome.up(Map.of("unsealedSince", "none", "maxLag", maxLag.toString()));
        }
        Duration lag = Duration.between(oldest.get(), clock.instant());
        Map<String, Object> details = Map.of("unsealedSince", oldest.get().toString(), "maxLag", maxLag.toString());
        return lag.compareTo(maxLag) > 0 ? Outcome.down(details) : Outcome.up(details);
    }
}
