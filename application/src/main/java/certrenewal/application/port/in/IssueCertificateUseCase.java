package certrenewal.application.port.in;

/** Issues the first certificate of a login ID; the subject comes from the bank's records. */
public interface IssueCertificateUseCase {
    IssuedCertificate issue(IssueCertificateCommand command);
}
