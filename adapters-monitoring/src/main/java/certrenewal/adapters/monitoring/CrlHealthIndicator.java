package certrenewal.adapters.monitoring;

import certrenewal.application.port.in.GetCrlUseCase;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * "crl": the CRL being served is within its validity (its nextUpdate has not passed). It is signed again a quarter
 * of its validity before then, so DOWN means re-signing has failed for hours; relying parties now reject it.
 */
@Singleton
@Readiness
final class CrlHealthIndicator extends BlockingHealthIndicator {
    private final GetCrlUseCase crl;
    private final Clock clock;

    CrlHealthIndicator(GetCrlUseCase crl, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super("crl", executor);
        this.crl = crl;
        this.clock = clock;
    }

    @Override
    Outcome check() {
        Optional<Instant> nextUpdate = crl.publishedNextUpdate();
        if (nextUpdate.isEmpty()) {
            return Outcome.down(Map.of("error", "no CRL has been signed yet"));
        }
        Map<String, Object> details = Map.of("nextUpdate", nextUpdate.get().toString());
        return clock.instant().isBefore(nextUpdate.get()) ? Outcome.up(details) : Outcome.down(details);
    }
}
