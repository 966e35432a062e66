package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountRepository extends GenericRepository<AccountRow, String> {

    Optional<AccountRow> findById(String loginId);

    /** The account with its contract's name. */
    @Query("""
            SELECT a.login_id, a.contract_number, a.kind, a.status, a.failed_password_attempts,
                   a.current_certificate_serial, a.version, c.name AS contract_name,
                   CAST(NULL AS BOOLEAN) AS password_change_required, CAST(NULL AS BIGINT) AS credential_epoch
              FROM login_account a JOIN contract c ON c.number = a.contract_number
             WHERE a.login_id = :loginId""")
    Optional<AccountReadRow> findWithContract(String loginId);

    /** The account with its password state (not its hash). */
    @Query("""
            SELECT login_id, contract_number, kind, status, failed_password_attempts, current_certificate_serial,
                   version, CAST(NULL AS VARCHAR(64)) AS contract_name, password_change_required, credential_epoch
              FROM login_account
             WHERE login_id = :loginId""")
    Optional<AccountReadRow> findWithPasswordState(String loginId);

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

    /** Keeps the ID's current hash, if it has one, as the newest of its previous ones. */
    @Query("""
            INSERT INTO login_password_history (login_id, position, password_hash)
            SELECT login_id,
                   COALESCE((SELECT MAX(h.position) FROM login_password_history h WHERE h.login_id = :loginId), 0) + 1,
                   password_hash
              FROM login_account
             WHERE login_id = :loginId AND password_hash IS NOT NULL""")
    long keepPasswordHash(String loginId);

    /** Deletes all but the newest {@code keep} previous hashes of the ID. */
    @Query("""
            DELETE FROM login_password_history
             WHERE login_id = :loginId
               AND position <= (SELECT MAX(h.position) FROM login_password_history h WHERE h.login_id = :loginId) - :keep""")
    long forgetOlderPasswordHashes(String loginId, long keep);

    @Query("""
            SELECT password_hash FROM login_password_history
             WHERE login_id = :loginId ORDER BY position DESC LIMIT :count""")
    List<String> findPreviousPasswordHashes(String loginId, int count);

    @Query("SELECT password_change_required, credential_epoch FROM login_account WHERE login_id = :loginId")
    Optional<PasswordStateRow> findPasswordState(String loginId);

    @Query("""
            UPDATE login_account SET password_change_required = :passwordChangeRequired, credential_epoch = :credentialEpoch
             WHERE login_id = :loginId""")
    long updatePasswordState(String loginId, boolean passwordChangeRequired, long credentialEpoch);
}
