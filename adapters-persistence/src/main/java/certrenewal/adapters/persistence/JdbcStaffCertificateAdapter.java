package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The staff certificates as rows of {@code staff_certificate} (V15). Ending one is a conditional UPDATE on its being
 * current; the unique {@code current_of} column refuses a second current certificate of one account.
 */
@Singleton
public class JdbcStaffCertificateAdapter implements StaffCertificatePort {
    /** As V15 names it; H2 names its index after it. */
    private static final String CURRENT_CONSTRAINT = "uq_staff_certificate_current";
    private static final String COLUMNS = "serial, username, not_before, not_after, der, revoked_at, reason";
    private final SqlReads sql;

    JdbcStaffCertificateAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    /**
     * @throws ConcurrentUpdateException when the account has a current certificate already (issued meanwhile)
     * @throws IllegalStateException when the serial is recorded already
     */
    @Override
    public void insertStaffCertificate(StaffCertificate certificate) {
        if (!certificate.current()) {
            throw new IllegalArgumentException("only a current staff certificate is inserted");
        }
        String what = "staff certificate " + certificate.serial();
        try {
            sql.write(connection -> SqlReads.update(connection, "INSERT INTO staff_certificate (serial, username,"
                    + " not_before, not_after, der, current_of) VALUES (?, ?, ?, ?, ?, ?)", List.of(
                    certificate.serial().hex(), certificate.username(), certificate.notBefore(), certificate.notAfter(),
                    certificate.der(), certificate.username())));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // which constraint: the transaction may be aborted (PostgreSQL), so it is read from the error
                if (names(e, CURRENT_CONSTRAINT)) {
                    throw new ConcurrentUpdateException(certificate.username()
                            + " received another staff certificate meanwhile", e);
                }
                throw new IllegalStateException(what + " already exists", e);
            }
            throw SqlErrors.translateConflict(e, what);
        }
    }

    @Override
    public Optional<StaffCertificate> loadStaffCertificate(SerialNumber serial) {
        return sql.read(connection -> SqlReads.first(connection, "SELECT " + COLUMNS
                + " FROM staff_certificate WHERE serial = ?", List.of(serial.hex()), JdbcStaffCertificateAdapter::row));
    }

    @Override
    public Optional<StaffCertificate> currentStaffCertificate(String username) {
        return sql.read(connection -> SqlReads.first(connection, "SELECT " + COLUMNS
                + " FROM staff_certificate WHERE current_of = ?", List.of(username), JdbcStaffCertificateAdapter::row));
    }

    @Override
    public void endStaffCertificate(StaffCertificate ended) {
        if (ended.current()) {
            throw new IllegalArgumentException("the staff certificate given has not ended");
        }
        int changed;
        try {
            changed = sql.write(connection -> SqlReads.update(connection, "UPDATE staff_certificate SET current_of = NULL,"
                    + " revoked_at = ?, reason = ? WHERE serial = ? AND current_of IS NOT NULL",
                    List.of(ended.endedAt(), ended.endReason().name(), ended.serial().hex())));
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "staff certificate " + ended.serial());
        }
        if (changed != 1) {
            throw new ConcurrentUpdateException("staff certificate " + ended.serial() + " ended meanwhile", null);
        }
    }

    @Override
    public List<StaffCertificate> staffCertificatesOf(String username) {
        return sql.read(connection -> SqlReads.list(connection, "SELECT " + COLUMNS
                + " FROM staff_certificate WHERE username = ? ORDER BY not_before DESC, serial", List.of(username),
                JdbcStaffCertificateAdapter::row));
    }

    private static boolean names(Throwable error, String constraint) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static StaffCertificate row(ResultSet row) throws SQLException {
        String reason = row.getString(7);
        return new StaffCertificate(SerialNumber.ofHex(row.getString(1)), row.getString(2), SqlReads.instant(row, 3),
                SqlReads.instant(row, 4), row.getBytes(5), SqlReads.instant(row, 6),
                reason == null ? null : RevocationReason.valueOf(reason));
    }
}
