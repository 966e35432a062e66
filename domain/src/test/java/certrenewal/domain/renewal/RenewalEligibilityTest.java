package certrenewal.domain.renewal;

import static certrenewal.domain.TestData.EXPIRES_AT;
import static certrenewal.domain.TestData.IN_WINDOW;
import static certrenewal.domain.TestData.ISSUED_AT;
import static certrenewal.domain.TestData.NEW_SERIAL;
import static certrenewal.domain.TestData.OTHER_LOGIN_ID;
import static certrenewal.domain.TestData.WINDOW_OPENS;
import static certrenewal.domain.TestData.aCertificate;
import static certrenewal.domain.TestData.anAccount;
import static certrenewal.domain.TestData.issued;
import static certrenewal.domain.TestData.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenewalEligibilityTest {
    private static final RenewalPolicy POLICY = RenewalPolicy.DEFAULT;

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void activeIdMayRenewItsCurrentCertificateInsideTheWindow(IdKind kind) {
        assertEquals(Optional.empty(), check(anAccount().kind(kind).build(), aCertificate().build(), Optional.empty(), IN_WINDOW));
    }

    @Test
    void windowOpensExactlyFortyDaysBeforeExpiry() {
        assertEquals(Optional.empty(), check(anAccount().build(), aCertificate().build(), Optional.empty(), WINDOW_OPENS));
    }

    @Test
    void renewalIsRefusedJustBeforeTheWindowOpensAndSaysWhenItOpens() {
        Optional<Rejection> refusal = check(anAccount().build(), aCertificate().build(), Optional.empty(),
                WINDOW_OPENS.minusNanos(1));

        assertEquals(Optional.of(Code.OUTSIDE_RENEWAL_WINDOW), refusal.map(Rejection::code));
        assertEquals("The certificate cannot be renewed yet: the renewal period opens on " + WINDOW_OPENS + ".",
                refusal.get().message());
    }

    @Test
    void renewalIsRefusedRightAfterIssuance() {
        assertEquals(Optional.of(Code.OUTSIDE_RENEWAL_WINDOW), code(anAccount().build(), aCertificate().build(), ISSUED_AT));
    }

    @Test
    void windowFollowsThePolicy() {
        RenewalPolicy tenDays = new RenewalPolicy(10, Duration.ofMinutes(15), Duration.ofDays(365));
        Instant elevenDaysBefore = EXPIRES_AT.minus(Duration.ofDays(11));

        assertEquals(Optional.of(Code.OUTSIDE_RENEWAL_WINDOW),
                RenewalEligibility.check(anAccount().build(), aCertificate().build(), Optional.empty(), elevenDaysBefore, tenDays)
                        .map(Rejection::code));
        assertEquals(Optional.empty(),
                RenewalEligibility.check(anAccount().build(), aCertificate().build(), Optional.empty(),
                        EXPIRES_AT.minus(Duration.ofDays(10)), tenDays));
    }

    @Test
    void renewalIsAllowedUntilTheLastInstantBeforeExpiry() {
        assertEquals(Optional.empty(), check(anAccount().build(), aCertificate().build(), Optional.empty(), EXPIRES_AT.minusNanos(1)));
    }

    @Test
    void expiredCertificateMayBeRenewedWithinTheGracePeriodOnly() {
        assertEquals(Optional.empty(), code(anAccount().build(), aCertificate().build(), EXPIRES_AT));
        assertEquals(Optional.empty(), code(anAccount().build(), aCertificate().build(),
                EXPIRES_AT.plus(Duration.ofDays(90)).minusNanos(1)));
        assertEquals(Optional.of(Code.EXPIRED_REISSUE_BY_BANK),
                code(anAccount().build(), aCertificate().build(), EXPIRES_AT.plus(Duration.ofDays(90))));
        assertEquals(Optional.of(Code.EXPIRED_REISSUE_BY_ADMINISTRATOR), code(anAccount().kind(IdKind.USER).build(),
                aCertificate().build(), EXPIRES_AT.plus(Duration.ofDays(90))));
    }

    @Test
    void renewalIsRefusedWhenCertificateHasExpiredAndTheGracePeriodIsZero() {
        RenewalPolicy noGrace = new RenewalPolicy(40, Duration.ofMinutes(15), Duration.ofDays(365), 0);

        assertEquals(Optional.of(Code.EXPIRED_REISSUE_BY_BANK), RenewalEligibility.check(anAccount().build(),
                aCertificate().build(), Optional.empty(), EXPIRES_AT, noGrace).map(Rejection::code));
    }

    @Test
    void renewalIsRefusedWhenCertificateIsRevoked() {
        Certificate revoked = aCertificate().revoked(RevocationReason.KEY_COMPROMISE, IN_WINDOW.minusSeconds(60)).build();

        assertEquals(Optional.of(Code.CERTIFICATE_REVOKED), code(anAccount().build(), revoked, IN_WINDOW));
    }

    @Test
    void renewalIsRefusedWhenCertificateIsSupersededEvenThoughItIsNoLongerCurrent() {
        Certificate superseded = aCertificate().revoked(RevocationReason.SUPERSEDED, IN_WINDOW.minusSeconds(60)).build();

        assertEquals(Optional.of(Code.CERTIFICATE_SUPERSEDED),
                code(anAccount().currentCertificate(NEW_SERIAL).build(), superseded, IN_WINDOW));
        assertEquals(Optional.of(Code.CERTIFICATE_SUPERSEDED), code(anAccount().build(), superseded, IN_WINDOW));
    }

    @Test
    void renewalIsRefusedWhenIdIsLocked() {
        assertEquals(Optional.of(Code.ID_LOCKED),
                code(anAccount().status(AccountStatus.LOCKED).build(), aCertificate().build(), IN_WINDOW));
    }

    @Test
    void renewalIsRefusedWhenIdIsRevoked() {
        assertEquals(Optional.of(Code.ID_REVOKED),
                code(anAccount().status(AccountStatus.REVOKED).build(), aCertificate().build(), IN_WINDOW));
    }

    @Test
    void idStatusIsCheckedBeforeTheCertificate() {
        Certificate revoked = aCertificate().revoked(RevocationReason.KEY_COMPROMISE, IN_WINDOW).build();

        assertEquals(Optional.of(Code.ID_LOCKED), code(anAccount().status(AccountStatus.LOCKED).build(), revoked, ISSUED_AT));
        assertEquals(Optional.of(Code.ID_REVOKED), code(anAccount().status(AccountStatus.REVOKED).build(), revoked, ISSUED_AT));
    }

    @Test
    void renewalIsRefusedForAnotherIdsCertificate() {
        assertEquals(Optional.of(Code.CERTIFICATE_NOT_CURRENT),
                code(anAccount().build(), aCertificate().owner(OTHER_LOGIN_ID).build(), IN_WINDOW));
    }

    @Test
    void renewalIsRefusedForACertificateThatIsNotTheCurrentOne() {
        assertEquals(Optional.of(Code.CERTIFICATE_NOT_CURRENT),
                code(anAccount().currentCertificate(NEW_SERIAL).build(), aCertificate().build(), IN_WINDOW));
    }

    @Test
    void renewalIsRefusedWhenTheIdHasNoCertificateYet() {
        assertEquals(Optional.of(Code.CERTIFICATE_NOT_CURRENT),
                code(anAccount().withoutCertificate().build(), aCertificate().build(), IN_WINDOW));
    }

    @Test
    void renewalIsRefusedWhileAnotherIsOpen() {
        assertEquals(Optional.of(Code.RENEWAL_ALREADY_OPEN),
                check(anAccount().build(), aCertificate().build(), Optional.of(started(IN_WINDOW)), IN_WINDOW).map(Rejection::code));
        assertEquals(Optional.of(Code.RENEWAL_ALREADY_OPEN),
                check(anAccount().build(), aCertificate().build(), Optional.of(started(IN_WINDOW).awaitKey()),
                        IN_WINDOW.plus(Duration.ofMinutes(15)).minusNanos(1)).map(Rejection::code));
    }

    @Test
    void timedOutOpenRenewalNoLongerBlocks() {
        Instant timeout = IN_WINDOW.plus(Duration.ofMinutes(15));

        assertEquals(Optional.empty(),
                check(anAccount().build(), aCertificate().build(), Optional.of(started(IN_WINDOW)), timeout));
        assertEquals(Optional.empty(),
                check(anAccount().build(), aCertificate().build(), Optional.of(started(IN_WINDOW).awaitKey()), timeout));
    }

    @Test
    void endedRenewalDoesNotBlock() {
        Renewal issued = issued(IN_WINDOW, NEW_SERIAL);
        Renewal abandoned = started(IN_WINDOW).abandon("declined", IN_WINDOW);

        assertEquals(Optional.empty(), check(anAccount().build(), aCertificate().build(), Optional.of(issued), IN_WINDOW));
        assertEquals(Optional.empty(), check(anAccount().build(), aCertificate().build(), Optional.of(abandoned), IN_WINDOW));
    }

    @Test
    void windowIsCheckedBeforeAnOpenRenewal() {
        assertEquals(Optional.of(Code.OUTSIDE_RENEWAL_WINDOW),
                check(anAccount().build(), aCertificate().build(), Optional.of(started(ISSUED_AT)), ISSUED_AT).map(Rejection::code));
    }

    @Test
    void accountAndCertificateAreRequired() {
        assertThrows(NullPointerException.class, () -> check(null, aCertificate().build(), Optional.empty(), IN_WINDOW));
        assertThrows(NullPointerException.class, () -> check(anAccount().build(), null, Optional.empty(), IN_WINDOW));
    }

    private static Optional<Code> code(LoginAccount account, Certificate certificate, Instant now) {
        return check(account, certificate, Optional.empty(), now).map(Rejection::code);
    }

    private static Optional<Rejection> check(LoginAccount account, Certificate certificate, Optional<Renewal> open, Instant now) {
        return RenewalEligibility.check(account, certificate, open, now, POLICY);
    }
}
