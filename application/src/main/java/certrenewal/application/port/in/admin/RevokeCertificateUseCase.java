package certrenewal.application.port.in.admin;

/**
 * Revokes a certificate: refused at login and over EST at once, and published in the CRL, which
 * is regenerated after every revocation.
 */
public interface RevokeCertificateUseCase {
    /** @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED, WRONG_CONFIRMATION_PASSWORD, UNKNOWN_CERTIFICATE, CERTIFICATE_REVOKED */
    void revoke(RevokeCertificateCommand command);
}
