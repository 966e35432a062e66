package certrenewal.domain.administration;

import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A staff member's client certificate for the console, as recorded when the bank's CA signed it with the staff
 * profile. It is not a customer's certificate: it is kept apart from theirs and logs in to nothing but the console.
 * At most one per account is current (not ended); a new one ends the previous one as superseded, disabling the
 * account ends it as privilege withdrawn.
 *
 * @param der the DER encoding handed out: the login accepts exactly this encoding, not merely its serial
 * @param endedAt when it stopped being the account's current certificate; null while it is
 * @param endReason why it ended; null while it is current
 */
public record StaffCertificate(SerialNumber serial, String username, Instant notBefore, Instant notAfter, byte[] der,
                               Instant endedAt, RevocationReason endReason) {
    public StaffCertificate {
        Objects.requireNonNull(serial, "serial must not be null");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(notBefore, "notBefore must not be null");
        Objects.requireNonNull(notAfter, "notAfter must not be null");
        Objects.requireNonNull(der, "der must not be null");
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore must be before notAfter");
        }
        if ((endedAt == null) != (endReason == null)) {
            throw new IllegalArgumentException("an ended staff certificate has both the time and the reason, a current one neither");
        }
        der = der.clone();
    }

    /** Just signed: the account's current certificate. */
    public static StaffCertificate issued(SerialNumber serial, String username, Instant notBefore, Instant notAfter,
                                          byte[] der) {
        return new StaffCertificate(serial, username, notBefore, notAfter, der, null, null);
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** Whether it is still its account's certificate (not superseded, not withdrawn); expiry aside. */
    public boolean current() {
        return endedAt == null;
    }

    /** No longer its account's certificate from {@code at}, for {@code reason}. */
    public StaffCertificate ended(Instant at, RevocationReason reason) {
        Objects.requireNonNull(at, "time must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        if (!current()) {
            throw new IllegalStateException("staff certificate " + serial + " already ended (" + endReason + ")");
        }
        return new StaffCertificate(serial, username, notBefore, notAfter, der, at, reason);
    }

    public boolean hasEncoding(byte[] other) {
        return other != null && Arrays.equals(der, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffCertificate c && serial.equals(c.serial) && username.equals(c.username)
                && notBefore.equals(c.notBefore) && notAfter.equals(c.notAfter) && Arrays.equals(der, c.der)
                && Objects.equals(endedAt, c.endedAt) && endReason == c.endReason;
    }

    @Override
    public int hashCode() {
        return serial.hashCode();
    }

    @Override
    public String toString() {
        return "StaffCertificate[" + serial + ", " + username + ", until " + notAfter
                + (current() ? "" : ", ended " + endedAt + " " + endReason) + "]";
    }
}
