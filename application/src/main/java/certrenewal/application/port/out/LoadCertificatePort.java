package certrenewal.application.port.out;

import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Optional;

public interface LoadCertificatePort {
    Optional<Certificate> loadCertificate(SerialNumber serial);
}
