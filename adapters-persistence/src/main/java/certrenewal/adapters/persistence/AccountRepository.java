package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends GenericRepository<AccountRow, String> {

    Optional<AccountRow> findById(String loginId);

    void insert(AccountRow row);

    /**
     * Changes what may change (not the contract, the kind or the password hash) if the row still
     * has {@code version}; returns the number of rows changed, 0 when it was changed meanwhile.
     */
    @Query("""
            UPDATE login_account
               SET status = :status,
                   failed_password_attempts = :failedPasswordAttempts,
                   current_certificate_serial = :currentCertificateSerial,
                   version = version + 1
             WHERE login_id = :loginId AND version = :version""")
    long updateIfUnchanged(String loginId, long version, String status, int failedPasswordAttempts,
                           @Nullable String currentCertificateSerial);

    @Query("SELECT password_hash FROM login_account WHERE login_id = :loginId")
    Optional<String> findPasswordHash(String loginId);

    @Query("UPDATE login_account SET password_hash = :passwordHash WHERE login_id = :loginId")
    long updatePasswordHash(String loginId, String passwordHash);
}
