package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import jakarta.inject.Singleton;
import certrenewal.domain.account.LoginId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issued certificates. A certificate's content never changes once stored; updates store its
 * status only.
 */
@Singleton
public class JdbcCertificateAdapter implements LoadCertificatePort, SaveCertificatePort {
    private final CertificateRepository certificates;

    JdbcCertificateAdapter(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    @Override
    public Optional<Certificate> loadCertificate(SerialNumber serial) {
        return certificates.findById(serial.hex()).map(PersistenceMapper::toCertificate);
    }

    @Override
    public List<Certificate> findCertifying(byte[] subjectPublicKeyInfo) {
        return certificates.findByPublicKeySha256(PublicKeys.sha256(subjectPublicKeyInfo)).stream()
                .map(PersistenceMapper::toCertificate).toList();
    }

    @Override
    public List<Instant> issuedAfter(LoginId owner, Instant after) {
        return certificates.findNotBeforeAfter(owner.value(), PersistenceMapper.stored(after));
    }

    /** One query for both: every issuance reads them in its transaction. */
    @Override
    public IssuanceHistory issuanceHistory(byte[] subjectPublicKeyInfo, LoginId owner, Instant after) {
        String key = PublicKeys.sha256(subjectPublicKeyInfo);
        Instant stored = PersistenceMapper.stored(after);
        List<CertificateRow> rows = certificates.findByPublicKeyOrIssuedAfter(key, owner.value(), stored);
        return new IssuanceHistory(
                rows.stream().filter(row -> key.equals(row.publicKeySha256())).map(PersistenceMapper::toCertificate).toList(),
                rows.stream().filter(row -> row.loginId().equals(owner.value()) && row.notBefore().isAfter(stored))
                        .map(CertificateRow::notBefore).toList());
    }

    /**
     * @throws IllegalStateException if the serial is already recorded: serials are random, so this
     *         is a failed issuance to report, not a concurrent update to retry
     */
    @Override
    public void insertCertificate(Certificate certificate, byte[] subjectPublicKeyInfo) {
        try {
            certificates.insert(PersistenceMapper.toRow(certificate, PublicKeys.sha256(subjectPublicKeyInfo)));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("a certificate with serial " + certificate.serial() + " already exists", e);
            }
            throw SqlErrors.translateConflict(e, "certificate " + certificate.serial());
        }
    }

    @Override
    public void updateCertificate(Certificate certificate) {
        CertificateRow row = PersistenceMapper.toRow(certificate, null); // the key hash is not updated
        long changed;
        try {
            changed = certificates.updateIfUnchanged(row.serial(), row.version(), row.status(),
                    row.revocationReason(), row.revokedAt());
        } catch (RuntimeException e) {
            throw SqlErrors.translateConflict(e, "certificate " + certificate.serial());
        }
        if (changed == 0) {
            throw new ConcurrentUpdateException("certificate " + certificate.serial()
                    + " was changed or removed since version " + certificate.version() + " was loaded", null);
        }
    }
}
