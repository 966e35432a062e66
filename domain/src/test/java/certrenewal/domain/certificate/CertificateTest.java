package certrenewal.domain.certificate;

import static certrenewal.domain.TestData.EXPIRES_AT;
import static certrenewal.domain.TestData.ISSUED_AT;
import static certrenewal.domain.TestData.LOGIN_ID;
import static certrenewal.domain.TestData.OLD_SERIAL;
import static certrenewal.domain.TestData.aCertificate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateTest {
    private static final Instant REVOKED_AT = ISSUED_AT.plusSeconds(86_400);

    @Test
    void activeBeforeNotAfter() {
        Certificate certificate = aCertificate().build();

        assertEquals(CertificateStatus.ACTIVE, certificate.statusAt(ISSUED_AT));
        assertEquals(CertificateStatus.ACTIVE, certificate.statusAt(EXPIRES_AT.minusNanos(1)));
    }

    @Test
    void expiredAtAndAfterNotAfter() {
        Certificate certificate = aCertificate().build();

        assertEquals(CertificateStatus.EXPIRED, certificate.statusAt(EXPIRES_AT));
        assertEquals(CertificateStatus.EXPIRED, certificate.statusAt(EXPIRES_AT.plusSeconds(1)));
    }

    @Test
    void revokedAndSupersededStayWhatTheyAreAfterExpiry() {
        assertEquals(CertificateStatus.REVOKED,
                aCertificate().revoked(RevocationReason.KEY_COMPROMISE, REVOKED_AT).build().statusAt(EXPIRES_AT.plusSeconds(1)));
        assertEquals(CertificateStatus.SUPERSEDED,
                aCertificate().revoked(RevocationReason.SUPERSEDED, REVOKED_AT).build().statusAt(EXPIRES_AT.plusSeconds(1)));
    }

    @Test
    void issuedCertificateIsActiveWithoutRevocation() {
        Certificate certificate = Certificate.issued(OLD_SERIAL, LOGIN_ID, new SubjectName("JP", "O", "OU", "CN"),
                "CN=CA", ISSUED_AT, EXPIRES_AT, new byte[] {1, 2, 3}, "FF");

        assertEquals(CertificateStatus.ACTIVE, certificate.storedStatus());
        assertNull(certificate.revocationReason());
        assertNull(certificate.revokedAt());
        assertEquals(0, certificate.version());
    }

    @Test
    void supersedeRevokesWithReasonSuperseded() {
        Certificate superseded = aCertificate().build().supersede(REVOKED_AT);

        assertEquals(CertificateStatus.SUPERSEDED, superseded.storedStatus());
        assertEquals(RevocationReason.SUPERSEDED, superseded.revocationReason());
        assertEquals(REVOKED_AT, superseded.revokedAt());
        assertEquals(2, superseded.version());
        assertEquals(4, superseded.revocationReason().code());
    }

    @Test
    void revokeRecordsReasonAndTime() {
        Certificate revoked = aCertificate().build().revoke(RevocationReason.KEY_COMPROMISE, REVOKED_AT);

        assertEquals(CertificateStatus.REVOKED, revoked.storedStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE, revoked.revocationReason());
        assertEquals(REVOKED_AT, revoked.revokedAt());
    }

    @Test
    void revokeWithReasonSupersededMeansSuperseded() {
        assertEquals(CertificateStatus.SUPERSEDED,
                aCertificate().build().revoke(RevocationReason.SUPERSEDED, REVOKED_AT).storedStatus());
    }

    @Test
    void revokeNeedsAReasonAndATime() {
        Certificate certificate = aCertificate().build();

        assertThrows(NullPointerException.class, () -> certificate.revoke(null, REVOKED_AT));
        assertThrows(IllegalArgumentException.class, () -> certificate.revoke(RevocationReason.UNSPECIFIED, null));
        assertThrows(IllegalArgumentException.class, () -> certificate.supersede(null));
    }

    @ParameterizedTest
    @EnumSource(value = RevocationReason.class)
    void onlyAnActiveCertificateCanBeSupersededOrRevoked(RevocationReason earlier) {
        Certificate ended = aCertificate().revoked(earlier, REVOKED_AT).build();

        assertThrows(IllegalStateException.class, () -> ended.supersede(REVOKED_AT));
        assertThrows(IllegalStateException.class, () -> ended.revoke(RevocationReason.KEY_COMPROMISE, REVOKED_AT));
    }

    @Test
    void storedExpiredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> certificate(CertificateStatus.EXPIRED, null, null));
    }

    @Test
    void activeCertificateHasNoRevocationDetails() {
        assertThrows(IllegalArgumentException.class,
                () -> certificate(CertificateStatus.ACTIVE, RevocationReason.KEY_COMPROMISE, REVOKED_AT));
        assertThrows(IllegalArgumentException.class, () -> certificate(CertificateStatus.ACTIVE, null, REVOKED_AT));
        assertThrows(IllegalArgumentException.class,
                () -> certificate(CertificateStatus.ACTIVE, RevocationReason.UNSPECIFIED, null));
    }

    @Test
    void revokedCertificateHasBothReasonAndTime() {
        assertThrows(IllegalArgumentException.class, () -> certificate(CertificateStatus.REVOKED, null, null));
        assertThrows(IllegalArgumentException.class, () -> certificate(CertificateStatus.REVOKED, null, REVOKED_AT));
        assertThrows(IllegalArgumentException.class,
                () -> certificate(CertificateStatus.SUPERSEDED, RevocationReason.SUPERSEDED, null));
    }

    @Test
    void supersededGoesWithReasonSupersededOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> certificate(CertificateStatus.SUPERSEDED, RevocationReason.KEY_COMPROMISE, REVOKED_AT));
        assertThrows(IllegalArgumentException.class,
                () -> certificate(CertificateStatus.REVOKED, RevocationReason.SUPERSEDED, REVOKED_AT));
        assertEquals(CertificateStatus.REVOKED,
                certificate(CertificateStatus.REVOKED, RevocationReason.PRIVILEGE_WITHDRAWN, REVOKED_AT).storedStatus());
    }

    @Test
    void notAfterMustBeAfterNotBefore() {
        assertThrows(IllegalArgumentException.class, () -> aCertificate().validity(ISSUED_AT, ISSUED_AT).build());
        assertThrows(IllegalArgumentException.class, () -> aCertificate().validity(ISSUED_AT, ISSUED_AT.minusSeconds(1)).build());
    }

    @Test
    void derIsCopiedOnTheWayInAndOut() {
        byte[] der = {1, 2, 3};
        Certificate certificate = aCertificate().der(der).build();

        der[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, certificate.der());
        certificate.der()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, certificate.der());
    }

    @Test
    void hasEncodingComparesTheWholeEncoding() {
        Certificate certificate = aCertificate().der(new byte[] {1, 2, 3}).build();

        assertTrue(certificate.hasEncoding(new byte[] {1, 2, 3}));
        assertFalse(certificate.hasEncoding(new byte[] {1, 2, 4}));
        assertFalse(certificate.hasEncoding(new byte[] {1, 2}));
        assertFalse(certificate.hasEncoding(null));
    }

    @Test
    void equalityFollowsSerialStatusVersionAndEncoding() {
        Certificate certificate = aCertificate().der(new byte[] {1}).build();

        assertEquals(certificate, aCertificate().der(new byte[] {1}).build());
        assertEquals(certificate.hashCode(), aCertificate().der(new byte[] {1}).build().hashCode());
        assertNotEquals(certificate, aCertificate().der(new byte[] {2}).build());
        assertNotEquals(certificate, certificate.supersede(REVOKED_AT));
    }

    @Test
    void requiredFieldsMustNotBeNull() {
        Certificate b = aCertificate().build();
        assertThrows(NullPointerException.class, () -> new Certificate(null, b.owner(), b.subject(), b.issuer(),
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), null, b.subject(), b.issuer(),
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), null, b.issuer(),
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), null,
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), b.issuer(),
                null, b.notAfter(), b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), b.issuer(),
                b.notBefore(), null, b.storedStatus(), null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), b.issuer(),
                b.notBefore(), b.notAfter(), null, null, null, b.der(), b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), b.issuer(),
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, null, b.sha256Fingerprint(), 0));
        assertThrows(NullPointerException.class, () -> new Certificate(b.serial(), b.owner(), b.subject(), b.issuer(),
                b.notBefore(), b.notAfter(), b.storedStatus(), null, null, b.der(), null, 0));
    }

    private static Certificate certificate(CertificateStatus status, RevocationReason reason, Instant revokedAt) {
        Certificate base = aCertificate().build();
        return new Certificate(base.serial(), base.owner(), base.subject(), base.issuer(), base.notBefore(),
                base.notAfter(), status, reason, revokedAt, base.der(), base.sha256Fingerprint(), base.version());
    }
}
