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
interface PickupFailureRepository extends GenericRepository<PickupFailureRepository.PickupFailureRow, String> {

    @MappedEntity("pickup_failure")
    record PickupFailureRow(@Id String loginId, int failures, Instant lastFailureAt) {
    }

    Optional<PickupFailureRow> findById(String loginId);

    void insert(PickupFailureRow row);

    /** Returns the number of rows changed: 0 when the ID has no failures counted. */
    @Query("UPDATE pickup_failure SET failures = failures + 1, last_failure_at = :at WHERE login_id = :loginId")
    long increment(String loginId, Instant at);

    @Query("DELETE FROM pickup_failure WHERE login_id = :loginId")
    long delete(String loginId);
}
