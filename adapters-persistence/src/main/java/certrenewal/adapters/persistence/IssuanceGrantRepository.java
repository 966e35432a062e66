package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IssuanceGrantRepository extends GenericRepository<IssuanceGrantRow, String> {

    Optional<IssuanceGrantRow> findById(String loginId);

    void insert(IssuanceGrantRow row);

    /** Replaces the ID's grant; returns the number of rows changed, 0 when it has none. */
    @Query("UPDATE issuance_grant SET password_hash = :passwordHash, deadline = :deadline WHERE login_id = :loginId")
    long replace(String loginId, String passwordHash, Instant deadline);

    /** Returns the number of rows deleted: 0 when there was none (or a parallel delete won). */
    @Query("DELETE FROM issuance_grant WHERE login_id = :loginId")
    long delete(String loginId);
}
