package certrenewal.domain.renewal;

import static certrenewal.domain.TestData.EXPIRES_AT;
import static certrenewal.domain.TestData.IN_WINDOW;
import static certrenewal.domain.TestData.NEW_SERIAL;
import static certrenewal.domain.TestData.OTHER_LOGIN_ID;
import static certrenewal.domain.TestData.aCertificate;
import static certrenewal.domain.TestData.anAccount;
import static certrenewal.domain.TestData.issued;
import static certrenewal.domain.TestData.serial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateAuthenticationTest {
    private static final Instant NOW = IN_WINDOW;
    private final Certificate current = aCertificate().build();
    private final Certificate renewed = aCertificate().serial(NEW_SERIAL)
            .validity(NOW, NOW.plus(Duration.ofDays(365))).build();
    private final Renewal.Issued pending = issued(NOW.minusSeconds(600), NEW_SERIAL);

    @Test
    void currentCertificateAuthenticates() {
        LoginAccount account = anAccount().build();

        CertificateAuthentication.Current result = assertInstanceOf(CertificateAuthentication.Current.class,
                evaluate(current, account, Optional.empty(), NOW));
        assertSame(account, result.account());
        assertSame(current, result.certificate());
    }

    @Test
    void currentCertificateAuthenticatesWhileARenewalIsPending() {
        assertInstanceOf(CertificateAuthentication.Current.class,
                evaluate(current, anAccount().build(), Optional.of(pending), NOW));
    }

    @Test
    void firstUseOfTheRenewedCertificateConfirmsItsRenewal() {
        LoginAccount account = anAccount().build();

        CertificateAuthentication.ConfirmsRenewal result = assertInstanceOf(CertificateAuthentication.ConfirmsRenewal.class,
                evaluate(renewed, account, Optional.of(pending), NOW));
        assertSame(account, result.account());
        assertSame(renewed, result.certificate());
        assertSame(pending, result.renewal());
    }

    @Test
    void nonCurrentCertificateWithoutItsPendingRenewalIsRefused() {
        assertEquals(Code.CERTIFICATE_NOT_CURRENT, refusal(renewed, anAccount().build(), Optional.empty(), NOW));
    }

    @Test
    void pendingRenewalOfAnotherSerialDoesNotConfirm() {
        Renewal.Issued otherRenewal = issued(NOW.minusSeconds(600), serial(0x1234));

        assertEquals(Code.CERTIFICATE_NOT_CURRENT, refusal(renewed, anAccount().build(), Optional.of(otherRenewal), NOW));
    }

    @Test
    void revokedCertificateIsRefused() {
        Certificate revoked = aCertificate().revoked(RevocationReason.KEY_COMPROMISE, NOW.minusSeconds(1)).build();

        assertEquals(Code.CERTIFICATE_REVOKED, refusal(revoked, anAccount().build(), Optional.empty(), NOW));
    }

    @Test
    void supersededCertificateIsRefused() {
        Certificate superseded = aCertificate().revoked(RevocationReason.SUPERSEDED, NOW.minusSeconds(1)).build();

        assertEquals(Code.CERTIFICATE_SUPERSEDED,
                refusal(superseded, anAccount().currentCertificate(NEW_SERIAL).build(), Optional.empty(), NOW));
    }

    @Test
    void currentCertificateExpiredWithinTheGracePeriodAuthenticatesForItsRenewalOnly() {
        LoginAccount account = anAccount().build();

        CertificateAuthentication.ExpiredWithinGrace result = assertInstanceOf(CertificateAuthentication.ExpiredWithinGrace.class,
                evaluate(current, account, Optional.empty(), EXPIRES_AT));
        assertSame(account, result.account());
        assertSame(current, result.certificate());
        assertInstanceOf(CertificateAuthentication.ExpiredWithinGrace.class,
                evaluate(current, account, Optional.empty(), EXPIRES_AT.plus(Duration.ofDays(90)).minusNanos(1)));
        assertInstanceOf(CertificateAuthentication.Current.class,
                evaluate(current, account, Optional.empty(), EXPIRES_AT.minusNanos(1)));
    }

    @Test
    void expiredCertificateIsRefusedAfterTheGracePeriodNamingWhoCanReissue() {
        Instant graceOver = EXPIRES_AT.plus(Duration.ofDays(90));

        assertEquals(Code.EXPIRED_REISSUE_BY_BANK, refusal(current, anAccount().build(), Optional.empty(), graceOver));
        assertEquals(Code.EXPIRED_REISSUE_BY_ADMINISTRATOR,
                refusal(current, anAccount().kind(certrenewal.domain.account.IdKind.USER).build(), Optional.empty(), graceOver));
    }

    @Test
    void withoutAGracePeriodAnExpiredCertificateIsRefusedFromItsNotAfterOn() {
        RenewalPolicy noGrace = new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365), 0);

        assertEquals(Code.EXPIRED_REISSUE_BY_BANK, assertInstanceOf(CertificateAuthentication.Refused.class,
                CertificateAuthentication.evaluate(current, anAccount().build(), Optional.empty(), EXPIRES_AT, noGrace))
                .rejection().code());
    }

    @Test
    void expiredCertificateOfAWithdrawnIdIsRefusedAsTheId() {
        assertEquals(Code.ID_REVOKED, refusal(current, anAccount().status(AccountStatus.REVOKED).build(), Optional.empty(), EXPIRES_AT));
    }

    @Test
    void expiredRenewedCertificateDoesNotConfirm() {
        assertEquals(Code.CERTIFICATE_EXPIRED,
                refusal(renewed, anAccount().build(), Optional.of(pending), renewed.notAfter()));
    }

    @Test
    void revokedIdIsRefusedEvenWithItsCurrentCertificate() {
        LoginAccount revoked = anAccount().status(AccountStatus.REVOKED).build();

        assertEquals(Code.ID_REVOKED, refusal(current, revoked, Optional.empty(), NOW));
        assertEquals(Code.ID_REVOKED, refusal(renewed, revoked, Optional.of(pending), NOW));
    }

    @Test
    void certificateStatusIsReportedBeforeTheIdStatus() {
        Certificate revoked = aCertificate().revoked(RevocationReason.KEY_COMPROMISE, NOW.minusSeconds(1)).build();

        assertEquals(Code.CERTIFICATE_REVOKED,
                refusal(revoked, anAccount().status(AccountStatus.REVOKED).build(), Optional.empty(), NOW));
    }

    @Test
    void lockedIdStillAuthenticatesByCertificate() {
        // Locking is about passwords; the certificate alone still identifies the ID (see the design notes).
        assertInstanceOf(CertificateAuthentication.Current.class,
                evaluate(current, anAccount().status(AccountStatus.LOCKED).build(), Optional.empty(), NOW));
    }

    @Test
    void certificateOfAnotherIdIsAProgrammingError() {
        Certificate others = aCertificate().owner(OTHER_LOGIN_ID).build();

        assertThrows(IllegalArgumentException.class,
                () -> evaluate(others, anAccount().build(), Optional.empty(), NOW));
        assertThrows(NullPointerException.class,
                () -> evaluate(null, anAccount().build(), Optional.empty(), NOW));
        assertThrows(NullPointerException.class,
                () -> evaluate(current, null, Optional.empty(), NOW));
    }

    private static CertificateAuthentication evaluate(Certificate presented, LoginAccount account,
                                                      Optional<Renewal.Issued> pending, Instant now) {
        return CertificateAuthentication.evaluate(presented, account, pending, now, RenewalPolicy.DEFAULT);
    }

    private static Code refusal(Certificate presented, LoginAccount account, Optional<Renewal.Issued> pending, Instant now) {
        return assertInstanceOf(CertificateAuthentication.Refused.class,
                evaluate(presented, account, pending, now)).rejection().code();
    }
}
