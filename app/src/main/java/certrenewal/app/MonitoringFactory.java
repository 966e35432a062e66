package certrenewal.app;

import certrenewal.adapters.monitoring.AuditEventMeters;
import certrenewal.adapters.monitoring.CountingAuditTrail;
import certrenewal.adapters.persistence.JdbcAuditTrail;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

/**
 * The audit trail every use case writes to: the database's, wrapped so that each committed event is counted for
 * the metrics ({@code /prometheus} on the management port). {@link Primary} over the database's own bean, which stays
 * available by its class to what needs the sealer (the tests, the benchmark).
 */
@Factory
final class MonitoringFactory {

    @Singleton
    @Primary
    AuditTrailPort countedAuditTrail(JdbcAuditTrail trail, TransactionPort transactions, AuditEventMeters meters) {
        return new CountingAuditTrail(trail, transactions, meters::committed);
    }
}
