package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.application.port.in.SubmitCertificateRequestUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The browser's key request for a renewal that awaits it: the renewed certificate, all or
 * nothing. A refused or failed request ends the renewal as FAILED; the old certificate stays.
 */
public final class SubmitCertificateRequestService implements SubmitCertificateRequestUseCase {
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final OpenRenewals openRenewals;
    private final CertificateIssuer issuer;
    private final AllOrNothingIssuance issuance;

    public SubmitCertificateRequestService(LoadAccountPort accounts, LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                           RenewalPort renewals, CertificateAuthorityPort authority,
                                           AuditTrailPort auditTrail, TransactionPort transactions,
                                           RenewalPolicy policy, IssuanceRules rules, Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.policy = policy;
        this.clock = clock;
        Audit audit = new Audit(auditTrail, transactions, clock);
        this.openRenewals = new OpenRenewals(renewals, transactions, policy, audit, clock);
        this.issuer = new CertificateIssuer(authority, certificates, savedCertificates, rules, audit);
        this.issuance = new AllOrNothingIssuance(authority, transactions);
    }

    @Override
    public IssuedCertificate submit(SubmitCertificateRequestCommand command) {
        AuthenticatedId who = command.who();
        Renewal.AwaitingKey awaiting = switch (openRenewals.ofCaller(command.renewal(), who)) {
            case Renewal.AwaitingKey a -> a;
            case Renewal.Started s -> throw refusal(Code.RENEWAL_NOT_FOUND, "The renewal has not been prepared yet.");
        };
        return issuance.issue("renewal " + awaiting.id(), command.pkcs10Der(), request -> {
            Instant now = clock.instant();
            LoadAccountPort.AccountOfContract found = accounts.loadAccountWithContract(who.loginId())
                    .orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
            LoginAccount account = found.account();
            Certificate old = certificates.loadCertificate(awaiting.oldSerial())
                    .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
            RenewalEligibility.check(account, old, Optional.empty(), now, policy).ifPresent(Refusals::refuse);
            Certificate certificate = issuer.issue(account, found.contract(), request, now, policy.validity(), who.loginId().value(),
                    CertificateIssuer.Channel.BROWSER_RENEWAL);
            renewals.updateRenewal(awaiting.issue(certificate.serial(), now));
            return certificate;
        }, new AllOrNothingIssuance.Endings() {
            @Override
            public RequestRefusedException refused(RequestRefusedException refusal) {
                openRenewals.fail(awaiting, refusal.rejection());
                return refusal;
            }

            @Override
            public RequestRefusedException raced() {
                return refusal(Code.RENEWAL_NOT_FOUND, "This renewal was completed or ended by another request.");
            }

            @Override
            public void failed(RuntimeException cause) {
                // nothing was committed: no certificate leaves the CA without its record and audit entry
                openRenewals.fail(awaiting, Rejection.of(Code.ISSUANCE_FAILED));
            }
        });
    }
}
