package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.OperationsQueryPort;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** "database": the database answers a query. */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends BlockingHealthIndicator {
    private final OperationsQueryPort database;

    DatabaseHealthIndicator(OperationsQueryPort database, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super("database", executor);
        this.database = database;
    }

    @Override
    Outcome check() {
        database.ping();
        return Outcome.up(Map.of());
    }
}
