package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The outbox of the audit chain. POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditPendingRepository extends GenericRepository<AuditPendingRow, Long> {

    @Query("SELECT * FROM audit_pending ORDER BY id LIMIT :limit")
    List<AuditPendingRow> oldest(int limit);

    /** By id, never by range: an entry with a lower id may commit after the ones read. */
    @Query("DELETE FROM audit_pending WHERE id IN (:ids)")
    int deleteSealed(List<Long> ids);

    @Query("SELECT COUNT(*) FROM audit_pending")
    long countPending();
}
