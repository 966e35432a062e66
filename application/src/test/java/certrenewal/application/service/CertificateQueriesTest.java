package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateQueriesTest {
    private final TestWorld world = new TestWorld();
    private final Certificate first = world.first.certificate();

    @Test
    void overviewShowsTheCertificateAndWhenRenewalOpens() {
        CertificateOverview overview = world.overview.overview(world.admin());

        Instant opens = first.notAfter().minus(Duration.ofDays(40));
        assertEquals(new CertificateOverview(ADMIN, IdKind.ADMINISTRATOR, first.serial(), first.subject(),
                first.notBefore(), first.notAfter(), CertificateStatus.ACTIVE, opens,
                Optional.of(Rejection.of(Code.OUTSIDE_RENEWAL_WINDOW,
                        "The certificate cannot be renewed yet: the renewal period opens on " + opens + ".")),
                world.clock.instant()), overview);
        assertEquals(Duration.between(world.clock.instant(), first.notAfter()).toDays(), overview.daysLeft());
    }

    @Test
    void overviewSaysRenewalIsPossibleInsideTheWindow() {
        world.moveIntoRenewalWindow();

        assertEquals(Optional.empty(), world.overview.overview(world.admin()).renewalRefusal());
    }

    @Test
    void overviewSaysWhenARenewalIsAlreadyOpen() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        world.startRenewal.start(who);

        assertEquals(Optional.of(Code.RENEWAL_ALREADY_OPEN), world.overview.overview(who).renewalRefusal().map(Rejection::code));
        world.clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), world.overview.overview(who).renewalRefusal());
    }

    @Test
    void overviewShowsAnExpiredCertificate() {
        AuthenticatedId who = world.admin();
        world.clock.set(first.notAfter());

        CertificateOverview overview = world.overview.overview(who);

        assertEquals(CertificateStatus.EXPIRED, overview.status());
        // within the grace period it may still be renewed
        assertEquals(Optional.empty(), overview.renewalRefusal().map(Rejection::code));
        world.clock.set(first.notAfter().plus(java.time.Duration.ofDays(TestWorld.POLICY.graceDays())));
        assertEquals(Optional.of(Code.EXPIRED_REISSUE_BY_BANK), world.overview.overview(who).renewalRefusal().map(Rejection::code));
    }

    @Test
    void overviewOfAnUnknownIdOrCertificateIsRefused() {
        assertRefused(Code.UNKNOWN_LOGIN_ID, () -> world.overview.overview(
                new AuthenticatedId(new LoginId("nobody"), CONTRACT.number(), IdKind.USER, first.serial())));
        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> world.overview.overview(
                new AuthenticatedId(ADMIN, CONTRACT.number(), IdKind.ADMINISTRATOR, SerialNumber.ofHex("0badc0de"))));
    }

    @Test
    void caCertificatesComeFromTheAuthority() {
        List<byte[]> chain = world.caCertificates.caCertificates();

        assertEquals(1, chain.size());
        assertArrayEquals(world.authority.caCertificate(), chain.get(0));
    }
}
