package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row that names the end of the audit chain; the sealer locks it to stay in line. */
@MappedEntity("audit_head")
record AuditHeadRow(@Id int id, long lastSeq, String lastHash) {
    static final int ID = 1;
}
