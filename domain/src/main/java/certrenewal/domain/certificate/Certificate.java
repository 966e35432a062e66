package certrenewal.domain.certificate;

import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued certificate as the bank records it. {@code storedStatus} is ACTIVE, SUPERSEDED or
 * REVOKED; expiry is derived from the clock with {@link #statusAt(Instant)}.
 *
 * @param der the DER encoding handed to the customer
 * @param sha256Fingerprint upper-case hex of SHA-256 over {@code der}, as OpenSSL prints it without colons
 */
public record Certificate(
        SerialNumber serial,
        LoginId owner,
        SubjectName subject,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        CertificateStatus storedStatus,
        RevocationReason revocationReason,
        Instant revokedAt,
        byte[] der,
        String sha256Fingerprint,
        long version) {

    public Certificate {
        Objects.requireNonNull(serial, "serial must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(issuer, "issuer must not be null");
        Objects.requireNonNull(notBefore, "notBefore must not be null");
        Objects.requireNonNull(notAfter, "notAfter must not be null");
        Objects.requireNonNull(storedStatus, "status must not be null");
        Objects.requireNonNull(der, "der must not be null");
        Objects.requireNonNull(sha256Fingerprint, "fingerprint must not be null");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        if (storedStatus == CertificateStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived from the clock, never stored");
        }
        if (storedStatus == CertificateStatus.ACTIVE) {
            if (revocationReason != null || revokedAt != null) {
                throw new IllegalArgumentException("only a revoked or superseded certificate has a revocation reason and time");
            }
        } else {
            if (revocationReason == null || revokedAt == null) {
                throw new IllegalArgumentException("a revoked or superseded certificate needs both a revocation reason and time");
            }
            if ((storedStatus == CertificateStatus.SUPERSEDED) != (revocationReason == RevocationReason.SUPERSEDED)) {
                throw new IllegalArgumentException("status SUPERSEDED goes with reason SUPERSEDED and no other");
            }
        }
        der = der.clone();
    }

    /** A freshly issued, active certificate. */
    public static Certificate issued(SerialNumber serial, LoginId owner, SubjectName subject, String issuer,
                                     Instant notBefore, Instant notAfter, byte[] der, String sha256Fingerprint) {
        return new Certificate(serial, owner, subject, issuer, notBefore, notAfter,
                CertificateStatus.ACTIVE, null, null, der, sha256Fingerprint, 0);
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    public CertificateStatus statusAt(Instant now) {
        if (storedStatus == CertificateStatus.ACTIVE && !now.isBefore(notAfter)) {
            return CertificateStatus.EXPIRED;
        }
        return storedStatus;
    }

    /** Why this certificate can no longer be used at {@code now} (revoked, superseded, expired), or empty when it is active. */
    public Optional<Rejection> refusalAt(Instant now) {
        return switch (statusAt(now)) {
            case ACTIVE -> Optional.empty();
            case REVOKED -> Optional.of(Rejection.of(Rejection.Code.CERTIFICATE_REVOKED));
            case SUPERSEDED -> Optional.of(Rejection.of(Rejection.Code.CERTIFICATE_SUPERSEDED));
            case EXPIRED -> Optional.of(Rejection.of(Rejection.Code.CERTIFICATE_EXPIRED));
        };
    }

    /** What relying parties are told (OCSP): revoked once revoked or superseded, good otherwise, expired or not. */
    public RevocationStatus revocationStatus() {
        return switch (storedStatus) {
            case ACTIVE, EXPIRED -> new RevocationStatus.Good();
            case REVOKED, SUPERSEDED -> new RevocationStatus.Revoked(revokedAt, revocationReason);
        };
    }

    /** Revoked with reason superseded, because its renewed successor has been used. */
    public Certificate supersede(Instant at) {
        requireActive();
        return new Certificate(serial, owner, subject, issuer, notBefore, notAfter,
                CertificateStatus.SUPERSEDED, RevocationReason.SUPERSEDED, at, der, sha256Fingerprint, version);
    }

    public Certificate revoke(RevocationReason reason, Instant at) {
        Objects.requireNonNull(reason, "reason must not be null");
        requireActive();
        CertificateStatus status = reason == RevocationReason.SUPERSEDED ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
        return new Certificate(serial, owner, subject, issuer, notBefore, notAfter,
                status, reason, at, der, sha256Fingerprint, version);
    }

    /** Whether this is exactly the given encoding; a matching serial alone proves nothing. */
    public boolean hasEncoding(byte[] other) {
        return Arrays.equals(der, other);
    }

    private void requireActive() {
        if (storedStatus != CertificateStatus.ACTIVE) {
            throw new IllegalStateException("certificate " + serial + " is " + storedStatus + ", not ACTIVE");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && serial.equals(c.serial) && version == c.version
                && storedStatus == c.storedStatus && Arrays.equals(der, c.der);
    }

    @Override
    public int hashCode() {
        return serial.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[" + serial + ", " + subject + ", " + storedStatus + "]";
    }
}
