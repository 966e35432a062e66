package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateCertificateServiceTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private final AuthenticateCertificateService service = world.authentication;
    private final Certificate first = world.first.certificate();

    @Test
    void currentCertificateAuthenticatesItsId() {
        AuthenticatedId who = service.authenticate(first.der());

        assertEquals(new AuthenticatedId(ADMIN, CONTRACT.number(), IdKind.ADMINISTRATOR, first.serial()), who);
        assertEquals(List.of(), store.audit("CERTIFICATE_AUTHENTICATION"));
    }

    @Test
    void missingCertificateIsRefused() {
        assertRefused(Code.NO_CLIENT_CERTIFICATE, () -> service.authenticate(null));
        assertRefused(Code.NO_CLIENT_CERTIFICATE, () -> service.authenticate(new byte[0]));
    }

    @Test
    void unreadableCertificateIsRefusedAsUnknown() {
        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> service.authenticate(new byte[] {0x30, 0x01, 0x00}));
        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> service.authenticate("not a certificate".getBytes()));
    }

    @Test
    void certificateWithAKnownSerialButOtherBytesIsRefused() {
        byte[] forged = FakeCertificateAuthority.forge(first.serial(), first.subject(), first.notBefore(), first.notAfter());
        assertEquals(first.serial().value(), FakeCertificateAuthority.parse(forged).getSerialNumber());

        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> service.authenticate(forged, new ClientAddress("198.51.100.7")));
        world.unknownCallers.writeAll();

        AuditEvent entry = store.audit("CERTIFICATE_AUTHENTICATION").getLast();
        assertEquals(AuditEvent.REFUSED, entry.outcome());
        assertEquals("anonymous:198.51.100.7", entry.actor());
        assertTrue(entry.detail().startsWith("UNKNOWN_CERTIFICATE: 1 refusal in the minute from "), entry.detail());
        assertTrue(entry.detail().endsWith("e.g. certificate:" + first.serial().hex()), entry.detail());
    }

    @Test
    void certificateThisBankNeverIssuedIsRefused() {
        byte[] stranger = FakeCertificateAuthority.forge(SerialNumber.ofHex("0badc0de"), first.subject(),
                first.notBefore(), first.notAfter());

        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> service.authenticate(stranger));
    }

    @Test
    void firstUseOfTheRenewedCertificateConfirmsTheRenewalAndSupersedesTheOldOne() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());
        SerialNumber newSerial = renewed.certificate().serial();
        RenewalId renewalId = store.findUnconfirmedRenewalIssuing(newSerial).orElseThrow().id();
        world.clock.advance(Duration.ofMinutes(3));

        AuthenticatedId who = service.authenticate(renewed.certificate().der());

        assertEquals(new AuthenticatedId(ADMIN, CONTRACT.number(), IdKind.ADMINISTRATOR, newSerial), who);
        Renewal.Confirmed confirmed = assertInstanceOf(Renewal.Confirmed.class, store.renewal(renewalId));
        assertEquals(world.clock.instant(), confirmed.confirmedAt());
        assertEquals(Optional.of(newSerial), store.account(ADMIN).currentCertificateSerial());
        Certificate old = store.certificate(first.serial());
        assertEquals(CertificateStatus.SUPERSEDED, old.storedStatus());
        assertEquals(RevocationReason.SUPERSEDED, old.revocationReason());
        assertEquals(world.clock.instant(), old.revokedAt());
        assertEquals("renewal:" + renewalId, store.audit("RENEWAL_CONFIRMED").getLast().target());

        // from now on the old certificate is refused, the new one is simply current
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> service.authenticate(first.der()));
        assertEquals(newSerial, service.authenticate(renewed.certificate().der()).certificate());
        assertEquals(1, store.audit("RENEWAL_CONFIRMED").size());
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_AUTHENTICATION").getLast().outcome());
    }

    @Test
    void oldCertificateKeepsWorkingUntilTheNewOneIsUsed() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());
        world.clock.advance(Duration.ofDays(3));

        assertEquals(first.serial(), service.authenticate(first.der()).certificate());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(first.serial()).storedStatus());
        assertEquals(Renewal.Issued.class,
                store.findUnconfirmedRenewalIssuing(renewed.certificate().serial()).orElseThrow().getClass());
    }

    @Test
    void estRenewedCertificateIsConfirmedOnFirstUseToo() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewWithCertificate.renew(world.admin(), FakeCertificateAuthority.request());

        service.authenticate(renewed.certificate().der());

        assertEquals(Optional.of(renewed.certificate().serial()), store.account(ADMIN).currentCertificateSerial());
        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(first.serial()).storedStatus());
    }

    @Test
    void renewedCertificateFirstUsedAfterTheOldExpiredLeavesTheOldOneExpired() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());
        world.clock.set(world.firstExpiry().plusSeconds(1));

        assertRefused(Code.CERTIFICATE_EXPIRED, () -> service.authenticate(first.der()));
        service.authenticate(renewed.certificate().der());

        Certificate old = store.certificate(first.serial());
        assertEquals(CertificateStatus.ACTIVE, old.storedStatus());
        assertEquals(CertificateStatus.EXPIRED, old.statusAt(world.clock.instant()));
        assertEquals(Optional.of(renewed.certificate().serial()), store.account(ADMIN).currentCertificateSerial());
    }

    @Test
    void expiredCertificateIsRefused() {
        world.clock.set(world.firstExpiry());

        assertRefused(Code.CERTIFICATE_EXPIRED, () -> service.authenticate(first.der()));
        AuditEvent entry = store.audit("CERTIFICATE_AUTHENTICATION").getLast();
        assertEquals("demo-admin", entry.actor());
        assertTrue(entry.detail().startsWith("CERTIFICATE_EXPIRED"), entry.detail());
    }

    @Test
    void revokedCertificateIsRefused() {
        store.put(first.revoke(RevocationReason.KEY_COMPROMISE, world.clock.instant()));

        assertRefused(Code.CERTIFICATE_REVOKED, () -> service.authenticate(first.der()));
    }

    @Test
    void revokedIdIsRefused() {
        LoginAccount account = store.account(ADMIN);
        store.put(new LoginAccount(account.id(), account.contract(), account.kind(), AccountStatus.REVOKED, 0,
                account.currentCertificate(), account.version()));

        assertRefused(Code.ID_REVOKED, () -> service.authenticate(first.der()));
    }
}
