package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.PickupCertificateUseCase;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PickupThrottle;
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
    private final UnknownCallerRefusals unknownCallers;
    private final SaveAccountPort savedAccounts;
    private final PasswordHasherPort hasher;
    private final IssuanceGrantPort grants;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final LoginPasswordCheck loginPasswords;
    private final PickupFailuresPort failures;
    private final PickupThrottle throttle;
    private final CertificateIssuer issuer;
    private final AllOrNothingIssuance issuance;
    /** Compared against when no grant waits, so that the answer takes as long as with one. */
    private final String decoyHash;

    public PickupCertificateService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                    LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                    CertificateAuthorityPort authority, AuditTrailPort auditTrail,
                                    TransactionPort transactions, RenewalPolicy policy, IssuanceRules rules,
                                    PickupFailuresPort failures, PickupThrottle throttle,
                                    UnknownCallerRefusals unknownCallers, Clock clock) {
        this.unknownCallers = unknownCallers;
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.hasher = hasher;
        this.grants = grants;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.loginPasswords = new LoginPasswordCheck(passwords, hasher);
        this.failures = failures;
        this.throttle = throttle;
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
            LoadAccountPort.AccountOfContract found = accounts.loadAccountWithContract(id)
                    .orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
            LoginAccount account = found.account();
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
            Certificate issued = issuer.issue(account, found.contract(), request, now, policy.validity(), actor,
                    CertificateIssuer.Channel.PICKUP);
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
     * The grant the credentials open, after every check. Asked for without a certificate, so: one
     * answer for an unknown ID, a wrong login password, a wrong, expired or used issuance password
     * and an ID that may not log in, after the same work in every case (both passwords compared);
     * failures slow the ID's next attempts down ({@link PickupThrottle}) instead of locking its
     * login. What really went wrong is in the audit trail.
     */
    private IssuanceGrant verified(PickupCredentials credentials) {
        LoginId id = credentials.loginId();
        String actor = id.value();
        String target = "login-id:" + id;
        Instant now = clock.instant();
        Optional<LoginAccount> account = accounts.loadAccount(id);
        Optional<Instant> waitUntil = failures.loadFailures(id)
                .filter(counted -> throttle.stillCounts(counted.last(), now))
                .flatMap(counted -> throttle.waitUntil(counted.count(), counted.last()))
                .filter(now::isBefore);
        if (waitUntil.isPresent()) {
            throw refused(credentials, account, new RequestRefusedException(Rejection.of(Code.PICKUP_THROTTLED),
                    waitUntil.get()), "throttled until " + waitUntil.get());
        }
        Optional<IssuanceGrant> grant = account.isPresent() ? grants.loadGrant(id) : Optional.empty();
        boolean loginPasswordRight = loginPasswords.matches(id, credentials.loginPassword());
        boolean issuancePasswordRight = hasher.matches(credentials.issuancePassword(),
                grant.map(IssuanceGrant::passwordHash).orElse(decoyHash)) && grant.isPresent();
        Optional<String> wrong = whatIsWrong(account, grant, loginPasswordRight, issuancePasswordRight, now);
        if (wrong.isPresent()) {
            failures.recordFailure(id, now, throttle.forgetBefore(now));
            throw refused(credentials, account, refusal(Code.PICKUP_REFUSED), wrong.get());
        }
        if (account.get().currentCertificateSerial().isPresent()) {
            throw audit.refused(actor, ACTION, target, refusal(Code.ALREADY_HAS_CERTIFICATE));
        }
        failures.clearFailures(id);
        return grant.get();
    }

    /**
     * Audits the refusal: one record for a known ID; for an unknown one, which anyone can type, a
     * count per address and minute.
     */
    private RequestRefusedException refused(PickupCredentials credentials, Optional<LoginAccount> account,
                                            RequestRefusedException refusal, String why) {
        String target = "login-id:" + credentials.loginId();
        if (account.isEmpty()) {
            unknownCallers.count(credentials.from(), ACTION, refusal.rejection().code() + ": unknown login ID", target);
            return refusal;
        }
        return audit.refused(credentials.loginId().value(), ACTION, target, refusal, why);
    }

    /** What the audit trail records of a refused pickup; the person is told only that it was refused. */
    private static Optional<String> whatIsWrong(Optional<LoginAccount> account, Optional<IssuanceGrant> grant,
                                                boolean loginPasswordRight, boolean issuancePasswordRight, Instant now) {
        if (account.isEmpty()) {
            return Optional.of("unknown login ID");
        }
        Optional<String> accountRefusal = account.get().refusal().map(rejection -> rejection.code().name());
        if (accountRefusal.isPresent()) {
            return accountRefusal;
        }
        if (!loginPasswordRight) {
            return Optional.of("wrong login password");
        }
        if (grant.isEmpty()) {
            return Optional.of("no issuance password waiting (used, or never granted)");
        }
        if (now.isAfter(grant.get().deadline())) {
            return Optional.of("issuance password expired");
        }
        return issuancePasswordRight ? Optional.empty() : Optional.of("wrong issuance password");
    }
}
