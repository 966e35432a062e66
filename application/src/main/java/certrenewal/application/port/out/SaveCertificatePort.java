package certrenewal.application.port.out;

import certrenewal.domain.certificate.Certificate;

public interface SaveCertificatePort {
    /**
     * Stores a newly issued certificate with the public key it certifies (the request's DER
     * SubjectPublicKeyInfo), by which {@link LoadCertificatePort#findCertifying} finds it; fails if
     * its serial exists.
     */
    void insertCertificate(Certificate certificate, byte[] subjectPublicKeyInfo);

    /** Stores a status change; fails with {@link ConcurrentUpdateException} on a concurrent change. */
    void updateCertificate(Certificate certificate);
}
