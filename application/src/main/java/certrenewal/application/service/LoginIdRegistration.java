package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginPassword;
import java.time.Instant;

/** A new login ID with its first login password and its first issuance password, for the contract's and the user's registration. */
final class LoginIdRegistration {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    private final IssuanceGrants grants;

    /** The slow part, done before the transaction: both passwords hashed. */
    record Prepared(String loginPasswordHash, IssuanceGrants.NewPassword issuancePassword) {
    }

    LoginIdRegistration(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                        PasswordHasherPort hasher, IssuanceGrants grants) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.passwords = passwords;
        this.hasher = hasher;
        this.grants = grants;
    }

    Prepared prepare(LoginPassword initialLoginPassword) {
        char[] characters = initialLoginPassword.characters();
        try {
            return new Prepared(hasher.hash(characters), grants.newPassword());
        } finally {
            java.util.Arrays.fill(characters, '\0');
        }
    }

    /** Inside the caller's transaction: refuses an ID that exists. */
    IssuancePassword insert(LoginAccount account, Prepared prepared, Instant now) {
        if (accounts.loadAccount(account.id()).isPresent()) {
            throw refusal(Code.LOGIN_ID_EXISTS);
        }
        savedAccounts.insertAccount(account);
        passwords.savePasswordHash(account.id(), prepared.loginPasswordHash());
        return grants.grant(account.id(), prepared.issuancePassword(), now);
    }
}
