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

    /** What every issuance looks at before it signs: {@link #findCertifying} and {@link #issuedAfter} together. */
    record IssuanceHistory(List<Certificate> certifyingTheKey, List<Instant> ownerIssuedAfter) {
        public IssuanceHistory {
            certifyingTheKey = List.copyOf(certifyingTheKey);
            ownerIssuedAfter = List.copyOf(ownerIssuedAfter);
        }
    }

    /** {@link #findCertifying} and {@link #issuedAfter} at once; an adapter may answer with one query. */
    default IssuanceHistory issuanceHistory(byte[] subjectPublicKeyInfo, LoginId owner, Instant after) {
        return new IssuanceHistory(findCertifying(subjectPublicKeyInfo), issuedAfter(owner, after));
    }
}
