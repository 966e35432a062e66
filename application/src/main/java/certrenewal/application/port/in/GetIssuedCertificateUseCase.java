package certrenewal.application.port.in;

import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.RenewalId;

/** The certificate a renewal of the authenticated ID issued, for the completion screen. */
public interface GetIssuedCertificateUseCase {
    /** @throws RequestRefusedException RENEWAL_NOT_FOUND when the renewal is not the caller's or issued nothing */
    Certificate issuedBy(RenewalId renewal, AuthenticatedId who);
}
