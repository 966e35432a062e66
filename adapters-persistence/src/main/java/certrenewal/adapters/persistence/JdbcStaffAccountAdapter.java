package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The console's staff accounts, with optimistic locking like {@link JdbcAccountAdapter}: an
 * update applies only to the version that was loaded, and inserting an existing username fails
 * with {@link ConcurrentUpdateException}.
 */
@Singleton
public class JdbcStaffAccountAdapter implements StaffAccountPort {
    private final StaffAccountRepository staff;

    JdbcStaffAccountAdapter(StaffAccountRepository staff) {
        this.staff = staff;
    }

    @Override
    public Optional<StaffAccount> loadStaff(String username) {
        return staff.findById(username).map(PersistenceMapper::toStaff);
    }

    @Override
    public long countStaff() {
        return staff.count();
    }

    @Override
    public void insertStaff(StaffAccount account) {
        try {
            staff.insert(PersistenceMapper.toRow(account));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("staff account " + account.username() + " already exists", e);
            }
            throw SqlErrors.translateConflict(e, "staff account " + account.username());
        }
    }

    @Override
    public List<StaffAccount> listStaff() {
        return staff.findAllByName().stream().map(PersistenceMapper::toStaff).toList();
    }

    @Override
    public long countActiveSecurityAdministrators() {
        return staff.countActiveSecurityAdministrators();
    }

    @Override
    public void rememberReplacedPassword(String username, String passwordHash, Instant replacedAt) {
        staff.insertReplacedPassword(username, PersistenceMapper.stored(replacedAt), passwordHash);
    }

    @Override
    public List<String> replacedPasswordHashes(String username, int count) {
        return staff.findReplacedPasswordHashes(username, count);
    }

    @Override
    public void updateStaff(StaffAccount account) {
        StaffAccountRow row = PersistenceMapper.toRow(account);
        long changed;
        try {
            changed = staff.updateIfUnchanged(row.username(), row.version(), row.role(), row.passwordHash(),
                    row.failedPasswordAttempts(), row.lockedUntil(), row.lockouts(), row.disabled(),
                    row.mustChangePassword(), row.sessionGeneration());
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "staff account " + account.username());
        }
        if (changed == 0) {
            throw new ConcurrentUpdateException("staff account " + account.username()
                    + " was changed or removed since version " + account.version() + " was loaded", null);
        }
    }
}
