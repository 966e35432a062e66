package certrenewal.application.port.out;

import certrenewal.domain.certificate.Certificate;

public interface SaveCertificatePort {
    /** Stores a newly issued certificate; fails if its serial exists. */
    void insertCertificate(Certificate certificate);

    /** Stores a status change; fails with {@link ConcurrentUpdateException} on a concurrent change. */
    void updateCertificate(Certificate certificate);
}
