package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RenewWithCertificateUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * EST simplereenroll: start, take the request and issue in one transaction, under the same rules
 * as the browser renewal. A bad request is refused before anything is recorded.
 */
public final class RenewWithCertificateService implements RenewWithCertificateUseCase {
    private static final String ACTION = "RENEWAL_REQUESTED";

    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Audit audit;
    private final RenewalClaims claims;
    private final CertificateIssuer issuer;
    private final AllOrNothingIssuance issuance;

    /** @param crl signed again when renewing supersedes a renewed certificate nobody used */
    public RenewWithCertificateService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                       LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                       RenewalPort renewals, CertificateAuthorityPort authority, GetCrlUseCase crl,
                                       AuditTrailPort auditTrail, TransactionPort transactions, RenewalPolicy policy,
                                       IssuanceRules rules, Clock clock) {
        this.renewals = renewals;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.claims = new RenewalClaims(accounts, savedAccounts, certificates, renewals, new UnfinishedRenewalsCleanup(
                renewals, certificates, new Revocations(savedCertificates, transactions, crl), audit), policy);
        this.issuer = new CertificateIssuer(authority, certificates, savedCertificates, rules, audit);
        this.issuance = new AllOrNothingIssuance(authority, transactions);
    }

    @Override
    public IssuedCertificate renew(AuthenticatedId who, byte[] pkcs10Der) {
        String actor = who.loginId().value();
        String target = "login-id:" + actor;
        AllOrNothingIssuance.Endings audited = AllOrNothingIssuance.audited(audit, actor, ACTION, target,
                refusal(Code.RENEWAL_ALREADY_OPEN));
        return issuance.issue(actor, pkcs10Der, request -> {
            Instant now = clock.instant();
            RenewalClaims.Claim claim = claims.claim(who, now);
            Certificate old = claim.renewing();
            Certificate certificate = issuer.issue(claim.account(), claim.contract(), request, now, policy.validity(), actor,
                    CertificateIssuer.Channel.EST);
            Renewal.Issued renewal = Renewal.start(who.loginId(), old.serial(), now).awaitKey().issue(certificate.serial(), now);
            renewals.insertRenewal(renewal);
            audit.success(actor, "RENEWAL_ISSUED", "renewal:" + renewal.id(), "new certificate " + certificate.serial().hex()
                    + RenewalClaims.afterExpiry(old, now));
            return certificate;
        }, audited.andOnFailure(() -> {
            // the attempt is on record even though nothing of it was committed
            Instant now = clock.instant();
            Renewal.Failed failed = Renewal.start(who.loginId(), who.certificate(), now).awaitKey()
                    .fail(Rejection.of(Code.ISSUANCE_FAILED), now);
            transactions.inTransaction(() -> renewals.insertRenewal(failed));
        }));
    }
}
