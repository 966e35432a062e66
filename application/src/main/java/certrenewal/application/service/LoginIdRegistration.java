package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ContactDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A new login ID with its first login password and its first issuance password, for the contract's
 * and the user's registration: the passwords hashed before the transaction, the ID stored with
 * them in one transaction after the caller's own step (its contract), audited either way.
 */
final class LoginIdRegistration {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final ContactPort contacts;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final IssuanceGrants grants;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** How the audit trail names a registration and what it says of the one that succeeded. */
    record Recorded(String action, String target, Function<IssuancePassword, String> detail) {
    }

    /** The first login password: typed now (hashed here), or typed and hashed earlier (a dual-control request). */
    static final class InitialPassword {
        private final LoginPassword typed;
        private final String hash;

        private InitialPassword(LoginPassword typed, String hash) {
            this.typed = typed;
            this.hash = hash;
        }

        static InitialPassword typed(LoginPassword password) {
            return new InitialPassword(java.util.Objects.requireNonNull(password, "password must not be null"), null);
        }

        static InitialPassword hashed(String hash) {
            return new InitialPassword(null, java.util.Objects.requireNonNull(hash, "hash must not be null"));
        }
    }

    /** The slow part, done before the transaction: both passwords hashed. */
    private record Prepared(String loginPasswordHash, IssuanceGrants.NewPassword issuancePassword) {
    }

    LoginIdRegistration(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContactPort contacts, PasswordPort passwords,
                        PasswordHasherPort hasher, IssuanceGrants grants, TransactionPort transactions, Audit audit,
                        Clock clock) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.contacts = contacts;
        this.passwords = passwords;
        this.hasher = hasher;
        this.grants = grants;
        this.transactions = new RetryingTransactions(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers {@code account} after {@code permit} (outside the transaction) and {@code contractStep}
     * (inside it) let it, with its contact details when given; returns the new ID's issuance password, shown once.
     */
    IssuancePassword register(Actor actor, Recorded recorded, LoginPassword initialLoginPassword, LoginAccount account,
                              Optional<ContactDetails> contact, Runnable permit, Runnable contractStep) {
        return register(actor, recorded, InitialPassword.typed(initialLoginPassword), account, contact, permit, contractStep);
    }

    IssuancePassword register(Actor actor, Recorded recorded, InitialPassword initialLoginPassword, LoginAccount account,
                              Optional<ContactDetails> contact, Runnable permit, Runnable contractStep) {
        try {
            permit.run();
            Prepared prepared = prepare(initialLoginPassword);
            return transactions.inTransaction(() -> {
                contractStep.run();
                IssuancePassword issued = insert(actor, account, prepared, clock.instant());
                contact.ifPresent(contacts::saveContact);
                audit.success(actor.auditName(), recorded.action(), recorded.target(), recorded.detail().apply(issued)
                        + contact.map(c -> "; contact " + c.address() + " (" + c.language().tag() + ")")
                                .orElse("; no contact address"));
                return issued;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), recorded.action(), recorded.target(), e);
        }
    }

    private Prepared prepare(InitialPassword initial) {
        if (initial.hash != null) {
            return new Prepared(initial.hash, grants.newPassword());
        }
        LoginPassword initialLoginPassword = initial.typed;
        char[] characters = initialLoginPassword.characters();
        try {
            return new Prepared(hasher.hash(characters), grants.newPassword());
        } finally {
            java.util.Arrays.fill(characters, '\0');
        }
    }

    /**
     * Inside the transaction: refuses an ID that exists. The first login password was chosen by {@code actor}, so
     * the holder must change it at the first login (unless the system chose it, as for the demo IDs).
     */
    private IssuancePassword insert(Actor actor, LoginAccount account, Prepared prepared, Instant now) {
        if (accounts.loadAccount(account.id()).isPresent()) {
            throw refusal(Code.LOGIN_ID_EXISTS);
        }
        savedAccounts.insertAccount(account);
        passwords.savePasswordHash(account.id(), prepared.loginPasswordHash());
        passwords.savePasswordState(account.id(), PasswordState.INITIAL.handedOutBy(actor));
        return grants.grant(account.id(), prepared.issuancePassword(), now);
    }
}
