package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.domain.account.LoginId;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;

/**
 * Issuance passwords (their hashes) waiting for their IDs, one per ID. Saving replaces the ID's
 * grant: an update, else an insert, in one transaction (the caller's if there is one). Portable
 * where an upsert is not: H2 has no {@code ON CONFLICT DO UPDATE}. Two saves racing to insert
 * the first grant of an ID end with one {@link ConcurrentUpdateException}.
 */
@Singleton
public class JdbcIssuanceGrantAdapter implements IssuanceGrantPort {
    private final IssuanceGrantRepository grants;
    private final TransactionOperations<Connection> transactions;

    JdbcIssuanceGrantAdapter(IssuanceGrantRepository grants, TransactionOperations<Connection> transactions) {
        this.grants = grants;
        this.transactions = transactions;
    }

    @Override
    public void saveGrant(IssuanceGrant grant) {
        IssuanceGrantRow row = PersistenceMapper.toRow(grant);
        try {
            transactions.executeWrite(status -> {
                if (grants.replace(row.loginId(), row.passwordHash(), row.deadline()) == 0) {
                    grants.insert(row);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("issuance grant of " + grant.loginId()
                        + " was saved by a concurrent request", e);
            }
            throw SqlErrors.translateConflict(e, "issuance grant of " + grant.loginId());
        }
    }

    @Override
    public Optional<IssuanceGrant> loadGrant(LoginId loginId) {
        return grants.findById(loginId.value()).map(PersistenceMapper::toGrant);
    }

    @Override
    public boolean deleteGrant(LoginId loginId) {
        try {
            return grants.delete(loginId.value()) > 0;
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "issuance grant of " + loginId);
        }
    }
}
