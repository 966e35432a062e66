package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append and read only: the trail offers no update or delete. POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntryRow, Long> {

    void insertAll(Iterable<AuditEntryRow> rows);

    @Query("SELECT COUNT(*) FROM audit_entry WHERE seq <= :upToSeq")
    long countUpTo(long upToSeq);

    /** Entries with {@code afterSeq < seq <= upToSeq}, in order, at most {@code limit}. */
    @Query("""
            SELECT * FROM audit_entry
             WHERE seq > :afterSeq AND seq <= :upToSeq
             ORDER BY seq
             LIMIT :limit""")
    List<AuditEntryRow> findRange(long afterSeq, long upToSeq, int limit);
}
