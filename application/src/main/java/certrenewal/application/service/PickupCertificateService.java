package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.PickupCertificateUseCase;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * 証明書取得: an ID without a certificate obtains one with its login password and its one-time
 * issuance password. The certificate, the used-up grant, the account's new current certificate
 * and the audit entries commit together, or nothing is handed out and the grant stays usable.
 */
public final class PickupCertificateService implements PickupCertificateUseCase {
    private static final String ACTION = "CERTIFICATE_PICKUP";

    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final ContractPort contracts;
    private final PasswordHasherPort hasher;
    private final IssuanceGrantPort grants;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final LoginPasswords loginPasswords;
    private final CertificateIssuer issuer;
    private final AllOrNothingIssuance issuance;
    /** Compared against when no grant waits, so that the answer takes as long as with one. */
    private final String decoyHash;

    /** @param maxFailedPasswords the same lock-out threshold as the login screen's (default 6) */
    public PickupCertificateService(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContractPort contracts,
                                    PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                    LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                    CertificateAuthorityPort authority, AuditTrailPort auditTrail,
                                    TransactionPort transactions, RenewalPolicy policy, IssuanceRules rules,
                                    int maxFailedPasswords, Clock clock) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.contracts = contracts;
        this.hasher = hasher;
        this.grants = grants;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.loginPasswords = new LoginPasswords(accounts, savedAccounts, passwords, hasher, transactions, audit,
                maxFailedPasswords);
        this.issuer = new CertificateIssuer(authority, certificates, savedCertificates, rules, audit);
        this.issuance = new AllOrNothingIssuance(authority, transactions);
        this.decoyHash = hasher.decoyHash();
    }

    @Override
    public void verify(PickupCredentials credentials) {
        verified(credentials);
    }

    @Override
    public IssuedCertificate pickUp(PickupCredentials credentials, byte[] pkcs10Der) {
        IssuanceGrant grant = verified(credentials);
        LoginId id = credentials.loginId();
        String actor = id.value();
        String target = "login-id:" + id;
        return issuance.issue(actor, pkcs10Der, request -> {
            Instant now = clock.instant();
            LoginAccount account = accounts.loadAccount(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
            account.refusal().ifPresent(Refusals::refuse);
            // the grant checked above, not one a re-issue put in its place meanwhile; deleting it claims it
            if (!grants.loadGrant(id).filter(grant::equals).isPresent() || !grants.deleteGrant(id)) {
                throw usedMeanwhile();
            }
            if (now.isAfter(grant.deadline())) {
                throw refusal(Code.WRONG_ISSUANCE_PASSWORD, "The issuance password has expired.");
            }
            if (account.currentCertificateSerial().isPresent()) {
                throw refusal(Code.ALREADY_HAS_CERTIFICATE);
            }
            Contract contract = contracts.loadContract(account.contract())
                    .orElseThrow(() -> refusal(Code.UNKNOWN_CONTRACT));
            Certificate issued = issuer.issue(account, contract, request, now, policy.validity(), actor);
            savedAccounts.updateAccount(account.recordSuccessfulPassword().withCurrentCertificate(issued.serial()));
            audit.success(actor, ACTION, target, "certificate " + issued.serial().hex() + "; issuance password used up");
            return issued;
        }, AllOrNothingIssuance.audited( // a race: a parallel pickup, re-issue or lock-out changed the ID first
                audit, actor, ACTION, target, usedMeanwhile()));
    }

    private static RequestRefusedException usedMeanwhile() {
        return refusal(Code.WRONG_ISSUANCE_PASSWORD, "The issuance password has been used meanwhile.");
    }

    /**
     * The grant the credentials open, after every check: the ID is active, the login password
     * right (a wrong one counts towards the lock-out), the issuance password waiting, in time and
     * right, and the ID holds no certificate. Every refusal is audited.
     */
    private IssuanceGrant verified(PickupCredentials credentials) {
        LoginId id = credentials.loginId();
        String actor = id.value();
        String target = "login-id:" + id;
        Optional<LoginAccount> found = accounts.loadAccount(id);
        if (found.isEmpty()) {
            loginPasswords.matchDecoy(credentials.loginPassword());
            throw audit.refused(actor, ACTION, target, refusal(Code.WRONG_CREDENTIALS));
        }
        LoginAccount account = found.get();
        account.refusal().ifPresent(rejection -> {
            throw audit.refused(actor, ACTION, target, new RequestRefusedException(rejection));
        });
        if (!loginPasswords.matches(id, credentials.loginPassword())) {
            throw loginPasswords.wrongPassword(id, ACTION);
        }
        Optional<IssuanceGrant> grant = grants.loadGrant(id);
        boolean matches = hasher.matches(credentials.issuancePassword(), grant.map(IssuanceGrant::passwordHash).orElse(decoyHash));
        String wrong = grant.isEmpty() ? "No issuance password is waiting for this login ID: it was used, or never granted."
                : clock.instant().isAfter(grant.get().deadline()) ? "The issuance password has expired."
                : !matches ? "The issuance password is wrong."
                : null;
        if (wrong != null) {
            throw audit.refused(actor, ACTION, target, refusal(Code.WRONG_ISSUANCE_PASSWORD, wrong));
        }
        if (account.currentCertificateSerial().isPresent()) {
            throw audit.refused(actor, ACTION, target, refusal(Code.ALREADY_HAS_CERTIFICATE));
        }
        if (account.failedPasswordAttempts() > 0) {
            loginPasswords.resetFailures(id);
        }
        return grant.get();
    }
}
