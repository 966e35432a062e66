package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PasswordState;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Contracts and login IDs. Inserting an existing key fails with {@link ConcurrentUpdateException}:
 * the use cases check first, so only a concurrent request can get there in between.
 */
@Singleton
public class JdbcAccountAdapter implements LoadAccountPort, SaveAccountPort, ContractPort, PasswordPort {
    private final ContractRepository contracts;
    private final AccountRepository accounts;

    JdbcAccountAdapter(ContractRepository contracts, AccountRepository accounts) {
        this.contracts = contracts;
        this.accounts = accounts;
    }

    @Override
    public Optional<Contract> loadContract(ContractNumber number) {
        return contracts.findById(number.value()).map(PersistenceMapper::toContract);
    }

    @Override
    public void insertContract(Contract contract) {
        try {
            contracts.insert(PersistenceMapper.toRow(contract));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("contract " + contract.number() + " already exists", e);
            }
            throw SqlErrors.translateConflict(e, "contract " + contract.number());
        }
    }

    @Override
    public Optional<LoginAccount> loadAccount(LoginId id) {
        return accounts.findById(id.value()).map(PersistenceMapper::toAccount);
    }

    @Override
    public Optional<AccountOfContract> loadAccountWithContract(LoginId id) {
        return accounts.findWithContract(id.value()).map(row -> new AccountOfContract(
                PersistenceMapper.toAccount(row.account()),
                new Contract(new ContractNumber(row.contractNumber()), row.contractName())));
    }

    @Override
    public Optional<AccountWithPasswordState> loadAccountWithPasswordState(LoginId id) {
        return accounts.findWithPasswordState(id.value()).map(row -> new AccountWithPasswordState(
                PersistenceMapper.toAccount(row.account()),
                new PasswordState(row.passwordChangeRequired(), row.credentialEpoch())));
    }

    @Override
    public void insertAccount(LoginAccount account) {
        try {
            accounts.insert(PersistenceMapper.toRow(account));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("login ID " + account.id() + " already exists", e);
            }
            throw SqlErrors.translateConflict(e, "login ID " + account.id());
        }
    }

    @Override
    public void updateAccount(LoginAccount account) {
        AccountRow row = PersistenceMapper.toRow(account);
        long changed;
        try {
            changed = accounts.updateIfUnchanged(row.loginId(), row.version(), row.status(),
                    row.failedPasswordAttempts(), row.currentCertificateSerial());
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "login ID " + account.id());
        }
        if (changed == 0) {
            throw new ConcurrentUpdateException("login ID " + account.id() + " was changed or removed since version "
                    + account.version() + " was loaded", null);
        }
    }

    @Override
    public Optional<String> loadPasswordHash(LoginId id) {
        return accounts.findPasswordHash(id.value());
    }

    @Override
    public void savePasswordHash(LoginId id, String hash) {
        try {
            accounts.keepPasswordHash(id.value());
        } catch (RuntimeException e) {
            // two changes of one ID at once take the same position: the second is told to try again
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("password of login ID " + id + " changed concurrently", e);
            }
            throw SqlErrors.translateConflict(e, "password history of login ID " + id);
        }
        if (accounts.updatePasswordHash(id.value(), hash) != 1) {
            throw new IllegalStateException("no login ID " + id);
        }
        accounts.forgetOlderPasswordHashes(id.value(), LoginPassword.REMEMBERED_PASSWORDS - 1);
    }

    @Override
    public List<String> previousPasswordHashes(LoginId id, int count) {
        return accounts.findPreviousPasswordHashes(id.value(), count);
    }

    @Override
    public Optional<PasswordState> loadPasswordState(LoginId id) {
        return accounts.findPasswordState(id.value())
                .map(row -> new PasswordState(row.passwordChangeRequired(), row.credentialEpoch()));
    }

    @Override
    public void savePasswordState(LoginId id, PasswordState state) {
        if (accounts.updatePasswordState(id.value(), state.changeRequired(), state.epoch()) != 1) {
            throw new IllegalStateException("no login ID " + id);
        }
    }
}
