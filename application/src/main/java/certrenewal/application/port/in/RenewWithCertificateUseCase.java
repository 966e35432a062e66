package certrenewal.application.port.in;

/**
 * Renews in one step, as EST simplereenroll does: start, take the request and issue, under the
 * same rules as the browser flow. A bad request is refused before anything is recorded.
 */
public interface RenewWithCertificateUseCase {
    IssuedCertificate renew(AuthenticatedId who, byte[] pkcs10Der);
}
