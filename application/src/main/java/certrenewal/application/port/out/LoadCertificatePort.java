package certrenewal.application.port.out;

import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.account.LoginId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LoadCertificatePort {
    Optional<Certificate> loadCertificate(SerialNumber serial);

    /** Certificates of any ID and status that certify this public key (a DER SubjectPublicKeyInfo). */
    List<Certificate> findCertifying(byte[] subjectPublicKeyInfo);

    /** When the ID's certificates issued after {@code after} were issued (their notBefore). */
    List<Instant> issuedAfter(LoginId owner, Instant after);
}
