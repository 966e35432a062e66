package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionChecksTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    SessionChecksTest() {
        world.setLoginPassword(ADMIN);
        world.addStaff(OPERATOR);
    }

    @Test
    void anActiveIdWithItsValidCertificateGoesOn() {
        assertEquals(Optional.empty(), world.checkCustomerSession.check(world.admin()));
    }

    @Test
    void aRevokedCertificateEndsTheSession() {
        AuthenticatedId who = world.admin();
        world.revoke.revoke(new RevokeCertificateCommand(OPERATOR, who.certificate(), RevocationReason.KEY_COMPROMISE,
                passwordOf(OPERATOR).toCharArray()));
        assertEquals(Optional.of(SessionEnd.CERTIFICATE_REVOKED), world.checkCustomerSession.check(who));
    }

    @Test
    void anExpiredCertificateEndsTheSession() {
        AuthenticatedId who = world.admin();
        world.clock.set(world.firstExpiry().plusSeconds(1));
        assertEquals(Optional.of(SessionEnd.CERTIFICATE_EXPIRED), world.checkCustomerSession.check(who));
    }

    @Test
    void aLockedOrWithdrawnIdEndsTheSession() {
        AuthenticatedId who = world.admin();
        world.lock(ADMIN);
        assertEquals(Optional.of(SessionEnd.LOCKED), world.checkCustomerSession.check(who));
        LoginAccount account = store.account(ADMIN);
        store.put(new LoginAccount(ADMIN, account.contract(), account.kind(), AccountStatus.REVOKED, 0,
                account.currentCertificate(), account.version()));
        assertEquals(Optional.of(SessionEnd.WITHDRAWN), world.checkCustomerSession.check(who));
    }

    @Test
    void aStaffSessionEndsWhenTheAccountIsLockedRemovedOrGivenAnotherRole() {
        assertEquals(Optional.empty(), world.checkStaffSession.check(OPERATOR, 0).end());
        StaffAccount account = store.staff(OPERATOR.username());
        store.put(new StaffAccount(account.username(), account.role(), account.passwordHash(), 0,
                world.clock.instant().plus(Duration.ofMinutes(15)), 1, account.version()));
        assertEquals(Optional.of(SessionEnd.LOCKED), world.checkStaffSession.check(OPERATOR, 0).end());
        world.clock.advance(Duration.ofMinutes(16));
        assertEquals(Optional.empty(), world.checkStaffSession.check(OPERATOR, 0).end(), "the lock-out is over");
        assertEquals(Optional.of(SessionEnd.ROLE_CHANGED),
                world.checkStaffSession.check(new Actor.Staff(OPERATOR.username(), StaffRole.AUDITOR), 0).end());
        assertEquals(Optional.of(SessionEnd.WITHDRAWN),
                world.checkStaffSession.check(new Actor.Staff("nobody", StaffRole.OPERATOR), 0).end());
    }
}
