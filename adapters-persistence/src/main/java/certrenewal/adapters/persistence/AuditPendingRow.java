package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An audit entry committed but not yet chained; {@code id} orders the pending entries. */
@MappedEntity("audit_pending")
record AuditPendingRow(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        String actor,
        String action,
        String target,
        String outcome,
        String detail) {
}
