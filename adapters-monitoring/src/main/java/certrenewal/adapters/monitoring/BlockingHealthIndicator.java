package certrenewal.adapters.monitoring;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * A check that blocks (a database query, a signature): run on the blocking executor, never on the event loop that
 * also serves the customers. A check that throws is DOWN with the exception's message.
 */
abstract class BlockingHealthIndicator implements HealthIndicator {
    private final String name;
    private final ExecutorService executor;

    BlockingHealthIndicator(String name, ExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    /** UP or DOWN with details; throwing means DOWN. */
    abstract Outcome check();

    record Outcome(boolean up, Map<String, Object> details) {
        static Outcome up(Map<String, Object> details) {
            return new Outcome(true, details);
        }

        static Outcome down(Map<String, Object> details) {
            return new Outcome(false, details);
        }
    }

    @Override
    public final Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::result, executor));
    }

    private HealthResult result() {
        try {
            Outcome outcome = check();
            return HealthResult.builder(name, outcome.up() ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(outcome.details()).build();
        } catch (RuntimeException e) {
            return HealthResult.builder(name, HealthStatus.DOWN).details(Map.of("error", e.toString()))
                    .build();
        }
    }
}
