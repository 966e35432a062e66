package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalPolicy;
import certrenewal.domain.renewal.UnfinishedRenewals;
import java.time.Instant;

/**
 * The start of every renewal (browser and EST): the ID's current certificate when it may be
 * renewed now, with the ID claimed for this renewal. Must run inside the caller's transaction.
 */
final class RenewalClaims {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final UnfinishedRenewalsCleanup unfinished;
    private final RenewalPolicy policy;

    RenewalClaims(LoadAccountPort accounts, SaveAccountPort savedAccounts, LoadCertificatePort certificates,
                  RenewalPort renewals, UnfinishedRenewalsCleanup unfinished, RenewalPolicy policy) {
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.unfinished = unfinished;
        this.policy = policy;
    }

    /** The claimed ID as it was read, its contract, and the certificate it renews. */
    record Claim(LoginAccount account, Contract contract, Certificate renewing) {
    }

    /**
     * Refuses with the reason when the ID may not renew now. Clears what stands in the way but is
     * no longer valid: a timed-out open renewal, and renewed certificates never used. Each row is read
     * once: the claim below makes any change of them by a concurrent renewal fail this one.
     */
    Claim claim(AuthenticatedId who, Instant now) {
        if (who.scope() == AccessScope.PASSWORD_CHANGE) {
            throw refusal(Code.PASSWORD_CHANGE_REQUIRED);
        }
        LoadAccountPort.AccountOfContract found = accounts.loadAccountWithContract(who.loginId())
                .orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
        LoginAccount account = found.account();
        Certificate current = certificates.loadCertificate(who.certificate())
                .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
        UnfinishedRenewals unfinishedRenewals = renewals.findUnfinishedRenewals(who.loginId());
        RenewalEligibility.check(account, current, unfinishedRenewals.open().map(Renewal.class::cast), now, policy)
                .ifPresent(Refusals::refuse);
        // Claims the ID: a concurrent renewal of the same ID now fails its own claim and rolls back,
        // so two renewals can never both issue (EST stores its renewal as ISSUED, past the open-renewal constraint).
        savedAccounts.updateAccount(account);
        unfinished.replace(who.loginId(), unfinishedRenewals, policy, now);
        return new Claim(account, found.contract(), current);
    }

    /** What the audit trail adds about a renewal of {@code renewing} at {@code now}: that it was after its expiry. */
    static String afterExpiry(Certificate renewing, Instant now) {
        return renewing.statusAt(now) == CertificateStatus.EXPIRED
                ? "; after expiry (the certificate expired at " + renewing.notAfter() + ")" : "";
    }
}
