package certrenewal.application.port.out;

import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;

/**
 * Makes a staff member's console credential at the bank: a new key pair, a certificate for it signed by the bank's
 * CA with the staff profile (distinct from the customers'), both in a PKCS#12 file. The private key exists only in
 * that file; nothing of it is kept.
 */
public interface IssueStaffCredentialPort {
    /**
     * @param pkcs12Password protects the file's key and certificate; the caller shows it once
     * @throws IllegalStateException when the CA cannot sign or the certificate fails its pre-issuance check
     */
    StaffCredential issueStaffCredential(String username, SerialNumber serial, Instant notBefore, Instant notAfter,
                                         char[] pkcs12Password);

    /** @param certificateDer the certificate alone, as it will be presented; @param pkcs12 key, certificate and CA chain */
    record StaffCredential(byte[] certificateDer, byte[] pkcs12) {
        @Override
        public String toString() {
            return "StaffCredential[" + certificateDer.length + " bytes of certificate]";
        }
    }
}
