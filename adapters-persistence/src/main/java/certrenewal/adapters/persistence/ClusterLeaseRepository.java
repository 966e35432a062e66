package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ClusterLeaseRepository extends GenericRepository<ClusterLeaseRepository.ClusterLeaseRow, String> {

    @MappedEntity("cluster_lease")
    record ClusterLeaseRow(@Id String task, String holder, Instant expiresAt, Instant takenAt) {
    }

    Optional<ClusterLeaseRow> findById(String task);

    void insert(ClusterLeaseRow row);

    /**
     * Takes or renews the lease in one statement, so that of two nodes racing for an expired lease one
     * changes the row and the other finds it no longer expired. Returns the number of rows changed.
     */
    @Query("UPDATE cluster_lease SET expires_at = :until,"
            + " taken_at = CASE WHEN holder = :node THEN taken_at ELSE :now END, holder = :node"
            + " WHERE task = :task AND (holder = :node OR expires_at <= :now)")
    long take(String task, String node, Instant now, Instant until);

    @Query("DELETE FROM cluster_lease WHERE task = :task AND holder = :node")
    long release(String task, String node);
}
