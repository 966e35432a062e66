package certrenewal.application.port.in.admin;

/**
 * 再発行: revokes the ID's current certificate (reason superseded) and grants a one-time issuance
 * password, valid for the configured pickup period (default 80 days).
 */
public interface ReissueCertificateUseCase {
    IssuancePassword reissue(ReissueCertificateCommand command);
}
