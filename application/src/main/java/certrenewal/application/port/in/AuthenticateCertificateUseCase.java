package certrenewal.application.port.in;

/**
 * Authenticates a login ID by the TLS client certificate it presented. The first use of a
 * renewed certificate confirms its renewal and supersedes the old certificate. A current certificate
 * that expired within the grace period authenticates for its own renewal only.
 */
public interface AuthenticateCertificateUseCase {
    /**
     * @param certificateDer the DER encoding presented in the TLS handshake, or null when none was
     * @param from where the request came from: a certificate the bank did not issue is counted per
     *             address in the audit trail rather than recorded once per request
     * @throws RequestRefusedException when the certificate is missing, unknown, revoked, superseded or expired
     */
    AuthenticatedId authenticate(byte[] certificateDer, ClientAddress from);

    /**
     * As {@link #authenticate(byte[], ClientAddress)}, for renewing the certificate presented (EST
     * simplereenroll): a current certificate that expired within the grace period is accepted too, with the
     * scope {@link certrenewal.domain.account.AccessScope#RENEWAL_AFTER_EXPIRY}.
     */
    AuthenticatedId authenticateForRenewal(byte[] certificateDer, ClientAddress from);

    /** For callers inside the server (set-up, benchmark). */
    default AuthenticatedId authenticate(byte[] certificateDer) {
        return authenticate(certificateDer, ClientAddress.IN_PROCESS);
    }
}
