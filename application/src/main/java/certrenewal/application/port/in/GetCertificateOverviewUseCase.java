package certrenewal.application.port.in;

/** The authenticated ID's certificate: serial, validity, status and whether it can be renewed now. */
public interface GetCertificateOverviewUseCase {
    CertificateOverview overview(AuthenticatedId who);
}
