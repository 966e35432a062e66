package certrenewal.application.port.out;

import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.certificate.SerialNumber;
import java.util.List;
import java.util.Optional;

/** The staff members' console certificates, recorded apart from the customers' certificates. */
public interface StaffCertificatePort {
    /** @throws IllegalStateException when a staff certificate with that serial is already recorded */
    void insertStaffCertificate(StaffCertificate certificate);

    Optional<StaffCertificate> loadStaffCertificate(SerialNumber serial);

    /** The account's certificate that has not ended (at most one), expired or not. */
    Optional<StaffCertificate> currentStaffCertificate(String username);

    /**
     * Records that {@code ended} (a certificate loaded current, then {@link StaffCertificate#ended}) ended.
     *
     * @throws ConcurrentUpdateException when it ended meanwhile
     */
    void endStaffCertificate(StaffCertificate ended);

    /** Every certificate issued to the account, newest first (for tests and look-ups). */
    List<StaffCertificate> staffCertificatesOf(String username);
}
