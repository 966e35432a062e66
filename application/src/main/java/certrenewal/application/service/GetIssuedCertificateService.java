package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetIssuedCertificateUseCase;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;

/** The certificate a renewal of the caller issued, for the completion screen. */
public final class GetIssuedCertificateService implements GetIssuedCertificateUseCase {
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;

    public GetIssuedCertificateService(LoadCertificatePort certificates, RenewalPort renewals) {
        this.certificates = certificates;
        this.renewals = renewals;
    }

    @Override
    public Certificate issuedBy(RenewalId id, AuthenticatedId who) {
        Renewal renewal = renewals.loadRenewal(id).filter(r -> r.loginId().equals(who.loginId()))
                .orElseThrow(() -> refusal(Code.RENEWAL_NOT_FOUND));
        SerialNumber newSerial = switch (renewal) {
            case Renewal.Issued issued -> issued.newSerial();
            case Renewal.Confirmed confirmed -> confirmed.newSerial();
            default -> throw refusal(Code.RENEWAL_NOT_FOUND, "This renewal issued no certificate (" + renewal.state() + ").");
        };
        return certificates.loadCertificate(newSerial).orElseThrow(() -> refusal(Code.RENEWAL_NOT_FOUND));
    }
}
