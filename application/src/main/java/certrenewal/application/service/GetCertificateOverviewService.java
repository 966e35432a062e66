package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;

/** An ID's certificate with its renewal prospects: the renewal notice and the main menu. */
public final class GetCertificateOverviewService implements GetCertificateOverviewUseCase {
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final RenewalPolicy policy;
    private final Clock clock;

    public GetCertificateOverviewService(LoadAccountPort accounts, LoadCertificatePort certificates,
                                         RenewalPort renewals, RenewalPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CertificateOverview overview(AuthenticatedId who) {
        Instant now = clock.instant();
        LoginAccount account = accounts.loadAccount(who.loginId()).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
        Certificate certificate = certificates.loadCertificate(who.certificate())
                .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
        return new CertificateOverview(account.id(), account.kind(), certificate.serial(), certificate.subject(),
                certificate.notBefore(), certificate.notAfter(), certificate.statusAt(now),
                policy.windowOpensAt(certificate.notAfter()),
                RenewalEligibility.check(account, certificate, renewals.findOpenRenewal(account.id()), now, policy), now);
    }
}
