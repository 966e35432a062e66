package certrenewal.application.service;

import certrenewal.application.port.in.GetCaCertificatesUseCase;
import certrenewal.application.port.out.CertificateAuthorityPort;
import java.util.List;

/** The CA chain clients need to trust what the bank issues (EST cacerts). */
public final class GetCaCertificatesService implements GetCaCertificatesUseCase {
    private final CertificateAuthorityPort authority;

    public GetCaCertificatesService(CertificateAuthorityPort authority) {
        this.authority = authority;
    }

    @Override
    public List<byte[]> caCertificates() {
        return authority.caCertificates();
    }
}
