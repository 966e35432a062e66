package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("audit_entry")
record AuditEntryRow(
        @Id long seq,
        Instant at,
        String actor,
        String action,
        String target,
        String outcome,
        String detail,
        String prevHash,
        String hash) {
}
