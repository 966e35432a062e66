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

    /**
     * Counts one more failure at {@code at}, starting again at one when the last was before {@code countsSince};
     * returns the number of rows changed: 0 when the ID has no failures counted.
     */
    @Query("""
            UPDATE pickup_failure
               SET failures = CASE WHEN last_failure_at < :countsSince THEN 1 ELSE failures + 1 END,
                   last_failure_at = :at
             WHERE login_id = :loginId""")
    long increment(String loginId, Instant at, Instant countsSince);

    @Query("DELETE FROM pickup_failure WHERE login_id = :loginId")
    long delete(String loginId);

    @Query("DELETE FROM pickup_failure WHERE last_failure_at < :before")
    long deleteLastFailedBefore(Instant before);
}
