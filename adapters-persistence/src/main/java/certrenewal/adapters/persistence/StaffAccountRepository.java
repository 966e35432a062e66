package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffAccountRepository extends GenericRepository<StaffAccountRow, String> {

    Optional<StaffAccountRow> findById(String username);

    long count();

    void insert(StaffAccountRow row);

    /**
     * Changes everything but the username if the row still has {@code version}; returns the
     * number of rows changed, 0 when it was changed meanwhile.
     */
    @Query("""
            UPDATE staff_account
               SET role = :role,
                   password_hash = :passwordHash,
                   failed_password_attempts = :failedPasswordAttempts,
                   locked_until = :lockedUntil,
                   lockouts = :lockouts,
                   disabled = :disabled,
                   must_change_password = :mustChangePassword,
                   session_generation = :sessionGeneration,
                   version = version + 1
             WHERE username = :username AND version = :version""")
    long updateIfUnchanged(String username, long version, String role, String passwordHash,
                           int failedPasswordAttempts, @Nullable Instant lockedUntil, int lockouts,
                           boolean disabled, boolean mustChangePassword, long sessionGeneration);

    /** Every staff account, by name: a bank has tens of them, not thousands. */
    @Query("SELECT * FROM staff_account ORDER BY username")
    List<StaffAccountRow> findAllByName();

    @Query("SELECT COUNT(*) FROM staff_account WHERE role = 'SECURITY_ADMIN' AND disabled = FALSE")
    long countActiveSecurityAdministrators();

    @Query("INSERT INTO staff_password_history (username, replaced_at, password_hash) VALUES (:username, :replacedAt, :passwordHash)")
    void insertReplacedPassword(String username, Instant replacedAt, String passwordHash);

    @Query("""
            SELECT password_hash FROM staff_password_history
             WHERE username = :username
             ORDER BY replaced_at DESC
             LIMIT :count""")
    List<String> findReplacedPasswordHashes(String username, int count);
}
