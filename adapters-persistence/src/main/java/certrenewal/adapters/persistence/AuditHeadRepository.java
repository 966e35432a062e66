package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditHeadRepository extends GenericRepository<AuditHeadRow, Integer> {

    Optional<AuditHeadRow> findById(int id);

    /** Locks the head until the caller's transaction ends, so sealers take turns. */
    @Query("SELECT * FROM audit_head WHERE id = 1 FOR UPDATE")
    AuditHeadRow lockHead();

    @Query("UPDATE audit_head SET last_seq = :lastSeq, last_hash = :lastHash WHERE id = 1 AND last_seq = :previousSeq")
    long advance(long previousSeq, long lastSeq, String lastHash);
}
