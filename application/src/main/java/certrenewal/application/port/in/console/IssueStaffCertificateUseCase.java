package certrenewal.application.port.in.console;

import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificate;
import java.util.Optional;

/**
 * A security administrator issues another active staff account its console client certificate (see
 * {@link certrenewal.domain.administration.StaffCertificateLogin}): the key pair is made at the bank, the PKCS#12 is
 * returned once with its one-time password, and only the certificate is kept. A new certificate supersedes the
 * account's previous one. Issuance and refusals are audited.
 */
public interface IssueStaffCertificateUseCase {
    /**
     * @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED, UNKNOWN_STAFF_ACCOUNT,
     *     OWN_STAFF_ACCOUNT, STAFF_ACCOUNT_DISABLED, ISSUANCE_FAILED (the CA failed); nothing changed
     */
    IssuedStaffCertificate issue(Actor actor, String username);

    /**
     * The account's current staff certificate, for the staff page.
     *
     * @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED
     */
    Optional<StaffCertificate> current(Actor actor, String username);

    /** @param pkcs12Password the one-time password of {@code pkcs12}: shown once, never stored */
    record IssuedStaffCertificate(StaffCertificate certificate, byte[] pkcs12, String pkcs12Password) {
        @Override
        public String toString() {
            return "IssuedStaffCertificate[" + certificate + "]";
        }
    }
}
