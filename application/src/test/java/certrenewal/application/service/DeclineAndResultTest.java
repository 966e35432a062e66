package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalState;
import org.junit.jupiter.api.Test;

/** The second confirmation's いいえ, and the completion screen's look-up. */
class DeclineAndResultTest {
    private final TestWorld world = new TestWorld();

    @Test
    void declineAfterIssueRevokesTheUnusedCertificateAndKeepsTheOldOne() {
        world.moveIntoRenewalWindow();
        AuthenticatedId admin = world.admin();
        IssuedCertificate issued = world.renewInBrowser(admin);
        Renewal renewal = world.store.findUnconfirmedRenewals(admin.loginId()).getFirst();

        world.abandonRenewal.abandon(renewal.id(), admin, "declined to save the certificate on this PC");

        assertEquals(RenewalState.ABANDONED, world.store.loadRenewal(renewal.id()).orElseThrow().state());
        var unused = world.store.certificate(issued.certificate().serial());
        assertEquals(CertificateStatus.REVOKED, unused.storedStatus());
        assertEquals(RevocationReason.CESSATION_OF_OPERATION, unused.revocationReason());
        assertEquals(admin.loginId(), world.authentication.authenticate(world.first.certificate().der()).loginId());
        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.authentication.authenticate(issued.certificate().der()));
        assertEquals(RenewalState.STARTED, world.startRenewal.start(admin).state(), "the customer can start again");
        assertEquals(java.util.List.of(issued.certificate().serial()),
                world.authority.lastCrl().revoked().stream().map(e -> e.serial()).toList(), "the CRL lists it at once");
    }

    @Test
    void theCompletionScreenFindsTheIssuedCertificateOnlyForItsOwner() {
        world.moveIntoRenewalWindow();
        AuthenticatedId admin = world.admin();
        IssuedCertificate issued = world.renewInBrowser(admin);
        Renewal renewal = world.store.findUnconfirmedRenewals(admin.loginId()).getFirst();

        assertEquals(issued.certificate().serial(), world.issuedCertificate.issuedBy(renewal.id(), admin).serial());
        AuthenticatedId other = new AuthenticatedId(TestWorld.USER, admin.contract(), certrenewal.domain.account.IdKind.USER,
                admin.certificate());
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.issuedCertificate.issuedBy(renewal.id(), other));
    }

    @Test
    void anOpenRenewalHasNoResultYet() {
        world.moveIntoRenewalWindow();
        AuthenticatedId admin = world.admin();
        Renewal.Started started = world.startRenewal.start(admin);
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.issuedCertificate.issuedBy(started.id(), admin));
    }

    @Test
    void startingOverEndsTheOpenRenewalAndStartsANewOne() {
        world.moveIntoRenewalWindow();
        AuthenticatedId admin = world.admin();
        Renewal.Started abandonedInAClosedTab = world.startRenewal.start(admin);
        assertRefused(Code.RENEWAL_ALREADY_OPEN, () -> world.startRenewal.start(admin));

        Renewal.Started again = world.startRenewal.startOver(admin);

        assertEquals(RenewalState.ABANDONED, world.store.loadRenewal(abandonedInAClosedTab.id()).orElseThrow().state());
        assertEquals(RenewalState.STARTED, world.store.loadRenewal(again.id()).orElseThrow().state());
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.prepareRenewal.prepare(abandonedInAClosedTab.id(), admin));
    }
}
