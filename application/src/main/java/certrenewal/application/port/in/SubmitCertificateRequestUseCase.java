package certrenewal.application.port.in;

/**
 * Issues the renewed certificate for a request. All or nothing: the certificate is returned only
 * once it, its renewal's new state and its audit entry are committed together.
 */
public interface SubmitCertificateRequestUseCase {
    /** @throws RequestRefusedException for a bad request or a renewal that is not awaiting a key */
    IssuedCertificate submit(SubmitCertificateRequestCommand command);
}
