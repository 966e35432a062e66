package certrenewal.application.port.in;

/**
 * Authenticates a login ID by the TLS client certificate it presented. The first use of a
 * renewed certificate confirms its renewal and supersedes the old certificate.
 */
public interface AuthenticateCertificateUseCase {
    /**
     * @param certificateDer the DER encoding presented in the TLS handshake, or null when none was
     * @throws RequestRefusedException when the certificate is missing, unknown, revoked, superseded or expired
     */
    AuthenticatedId authenticate(byte[] certificateDer);
}
