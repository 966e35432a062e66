package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCaCertificatesUseCase;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.in.GetIssuedCertificateUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalEligibility;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Read-only views: the CA chain, and an ID's certificate with its renewal prospects. */
public final class CertificateQueryService implements GetCaCertificatesUseCase, GetCertificateOverviewUseCase,
        GetIssuedCertificateUseCase {
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final CertificateAuthorityPort authority;
    private final RenewalPolicy policy;
    private final Clock clock;

    public CertificateQueryService(LoadAccountPort accounts, LoadCertificatePort certificates, RenewalPort renewals,
                                   CertificateAuthorityPort authority, RenewalPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.authority = authority;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<byte[]> caCertificates() {
        return authority.caCertificates();
    }

    @Override
    public CertificateOverview overview(AuthenticatedId who) {
        Instant now = clock.instant();
        LoginAccount account = accounts.loadAccount(who.loginId())
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_LOGIN_ID)));
        Certificate certificate = certificates.loadCertificate(who.certificate())
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.UNKNOWN_CERTIFICATE)));
        return new CertificateOverview(account.id(), account.kind(), certificate.serial(), certificate.subject(),
                certificate.notBefore(), certificate.notAfter(), certificate.statusAt(now),
                policy.windowOpensAt(certificate.notAfter()),
                RenewalEligibility.check(account, certificate, renewals.findOpenRenewal(account.id()), now, policy), now);
    }

    @Override
    public Certificate issuedBy(RenewalId id, AuthenticatedId who) {
        Renewal renewal = renewals.loadRenewal(id).filter(r -> r.loginId().equals(who.loginId()))
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND)));
        var newSerial = switch (renewal) {
            case Renewal.Issued issued -> issued.newSerial();
            case Renewal.Confirmed confirmed -> confirmed.newSerial();
            default -> throw new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND,
                    "This renewal issued no certificate (" + renewal.state() + ")."));
        };
        return certificates.loadCertificate(newSerial)
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Code.RENEWAL_NOT_FOUND)));
    }
}
