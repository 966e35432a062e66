package certrenewal.domain.administration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which client certificate logs a staff member in to the console, and when (issue 13). With
 * {@link Requirement#REQUIRED} the login needs, besides the password, the account's current staff certificate:
 * one the bank's CA signed with the staff profile for exactly this account, within its validity, neither superseded
 * by a newer one nor withdrawn. A customer's certificate is never a staff certificate (they are recorded apart).
 */
public final class StaffCertificateLogin {
    private StaffCertificateLogin() {
    }

    /** Whether the console asks for a staff certificate at all (setting {@code certrenewal.console.client-certificate}). */
    public enum Requirement {
        /** Username and password only (embedded default, tests). */
        OFF,
        /** Username, password and the account's current staff certificate on the same connection. */
        REQUIRED
    }

    /** What the presented certificate is to the account; only {@link #ACCEPTED} logs in. */
    public enum Verdict {
        ACCEPTED,
        /** Not a staff certificate the bank recorded (a customer's, another CA's, a forgery with a known serial). */
        NOT_A_STAFF_CERTIFICATE,
        OF_ANOTHER_ACCOUNT,
        /** A newer staff certificate was issued to the account since. */
        SUPERSEDED,
        /** Ended otherwise: the account was disabled. */
        WITHDRAWN,
        NOT_YET_VALID,
        EXPIRED
    }

    /**
     * @param recorded the staff certificate recorded under the presented certificate's serial, only when the whole
     *                 presented encoding is the recorded one (else empty)
     * @param username the account the login names
     */
    public static Verdict judge(Optional<StaffCertificate> recorded, String username, Instant now) {
        Objects.requireNonNull(recorded, "recorded must not be null (empty for none)");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(now, "now must not be null");
        if (recorded.isEmpty()) {
            return Verdict.NOT_A_STAFF_CERTIFICATE;
        }
        StaffCertificate certificate = recorded.get();
        if (!certificate.username().equals(username)) {
            return Verdict.OF_ANOTHER_ACCOUNT;
        }
        if (!certificate.current()) {
            return switch (certificate.endReason()) {
                case SUPERSEDED -> Verdict.SUPERSEDED;
                default -> Verdict.WITHDRAWN;
            };
        }
        if (now.isBefore(certificate.notBefore())) {
            return Verdict.NOT_YET_VALID;
        }
        // RFC 5280: notAfter is the last instant of validity
        return now.isAfter(certificate.notAfter()) ? Verdict.EXPIRED : Verdict.ACCEPTED;
    }
}
