package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RenewalRepository extends GenericRepository<RenewalRow, UUID> {

    Optional<RenewalRow> findById(UUID id);

    /** Uses the unique column that admits one open renewal per login ID. */
    Optional<RenewalRow> findByOpenLoginId(String loginId);

    List<RenewalRow> findByLoginIdAndStateOrderByStartedAt(String loginId, String state);

    Optional<RenewalRow> findByNewSerialAndState(String newSerial, String state);

    /** A login ID's open renewal and its issued, unconfirmed ones, oldest first: what a new renewal looks at. */
    @Query("""
            SELECT * FROM renewal
             WHERE login_id = :loginId AND state IN ('STARTED', 'AWAITING_KEY', 'ISSUED')
             ORDER BY started_at, id""")
    List<RenewalRow> findUnfinished(String loginId);

    @Query("""
            SELECT * FROM renewal
             WHERE state IN ('STARTED', 'AWAITING_KEY') AND started_at < :startedBefore
             ORDER BY started_at, id
             LIMIT :limit""")
    List<RenewalRow> findOpenStartedBefore(Instant startedBefore, int limit);

    /** A login ID's renewals, newest first, for its detail page. */
    @Query("SELECT * FROM renewal WHERE login_id = :loginId ORDER BY started_at DESC, id DESC")
    List<RenewalRow> findByLoginIdNewestFirst(String loginId);

    void insert(RenewalRow row);

    /**
     * Stores a transition (the ID, login ID, old serial and start never change) if the row still
     * has {@code version}; returns the number of rows changed.
     */
    @Query("""
            UPDATE renewal
               SET state = :state,
                   open_login_id = :openLoginId,
                   new_serial = :newSerial,
                   issued_at = :issuedAt,
                   confirmed_at = :confirmedAt,
                   ended_at = :endedAt,
                   reason_code = :reasonCode,
                   reason_message = :reasonMessage,
                   version = version + 1
             WHERE id = :id AND version = :version""")
    long updateIfUnchanged(UUID id, long version, String state, @Nullable String openLoginId,
                           @Nullable String newSerial, @Nullable Instant issuedAt,
                           @Nullable Instant confirmedAt, @Nullable Instant endedAt,
                           @Nullable String reasonCode, @Nullable String reasonMessage);
}
