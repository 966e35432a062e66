package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.StaffSessionCheck;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff certificates: issued by a security administrator, required by the console's login where so configured. */
class StaffCertificateUseCasesTest {
    private static final Actor.Staff SECURITY = new Actor.Staff("sato", StaffRole.SECURITY_ADMIN);
    private static final Actor.Staff OTHER_OPERATOR = new Actor.Staff("ito", StaffRole.OPERATOR);
    private static final ClientAddress FROM = new ClientAddress("192.0.2.7");

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @BeforeEach
    void staff() {
        world.addStaff(OPERATOR);
        world.addStaff(OTHER_OPERATOR);
        world.addStaff(AUDITOR);
        world.addStaff(SECURITY);
    }

    @Test
    void aSecurityAdministratorIssuesACertificateThatLogsItsOwnerInWithThePassword() {
        IssuedStaffCertificate issued = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username());

        StaffCertificate certificate = issued.certificate();
        assertEquals(OPERATOR.username(), certificate.username());
        assertEquals(world.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(TestWorld.STAFF_CERTIFICATE_VALIDITY), certificate.notAfter());
        assertEquals(IssueStaffCertificateService.PKCS12_PASSWORD_LENGTH, issued.pkcs12Password().length());
        assertTrue(new String(issued.pkcs12(), StandardCharsets.UTF_8).contains(issued.pkcs12Password()),
                "the fake CA's file names the password it was protected with");
        assertEquals(Optional.of(certificate), world.issueStaffCertificate.current(SECURITY, OPERATOR.username()));
        assertFalse(store.contents().contains(issued.pkcs12Password()), "the file's password is not stored");
        AuditEvent audited = store.audit("STAFF_CERTIFICATE_ISSUED").getLast();
        assertEquals("staff:sato", audited.actor());
        assertEquals("staff:tanaka", audited.target());
        assertTrue(audited.detail().contains(certificate.serial().hex()), audited.detail());
        assertTrue(store.audit().stream().noneMatch(e -> e.detail().contains(issued.pkcs12Password())));

        assertEquals(OPERATOR, world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), certificate.der(), FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains(certificate.serial().hex()));
    }

    @Test
    void withoutACertificateTheLoginSaysSoAndCountsNothing() {
        world.issueStaffCertificate.issue(SECURITY, OPERATOR.username());
        String before = store.contents();

        for (int i = 0; i < TestWorld.MAX_FAILED_PASSWORDS + 1; i++) {
            assertRefused(Code.NO_CLIENT_CERTIFICATE, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                    passwordOf(OPERATOR).toCharArray(), null, FROM));
        }
        assertEquals(before, store.contents(), "no wrong password counted, nothing locked");
        assertTrue(world.staffLoginWithCertificate.certificateRequired());
        assertFalse(world.staffLogin.certificateRequired());
    }

    @Test
    void anotherStaffMembersCertificateIsRefusedAsAWrongPasswordAndCounts() {
        StaffCertificate itos = world.issueStaffCertificate.issue(SECURITY, OTHER_OPERATOR.username()).certificate();
        world.issueStaffCertificate.issue(SECURITY, OPERATOR.username());

        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), itos.der(), FROM));

        assertEquals(1, store.staff(OPERATOR.username()).failedPasswordAttempts());
        assertEquals("WRONG_CREDENTIALS: certificate not accepted: OF_ANOTHER_ACCOUNT (serial " + itos.serial().hex() + ")",
                store.audit("STAFF_LOGIN").getLast().detail());
    }

    @Test
    void wrongCertificatesLockTheAccountLikeWrongPasswords() {
        StaffCertificate itos = world.issueStaffCertificate.issue(SECURITY, OTHER_OPERATOR.username()).certificate();
        world.issueStaffCertificate.issue(SECURITY, OPERATOR.username());

        for (int i = 0; i < TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                    passwordOf(OPERATOR).toCharArray(), itos.der(), FROM));
        }
        assertTrue(store.staff(OPERATOR.username()).lockedAt(world.clock.instant()));
    }

    @Test
    void aSupersededCertificateNoLongerLogsIn() {
        StaffCertificate first = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        world.clock.advance(Duration.ofDays(10));
        StaffCertificate second = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();

        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), first.der(), FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("SUPERSEDED"));
        StaffCertificate ended = store.loadStaffCertificate(first.serial()).orElseThrow();
        assertEquals(RevocationReason.SUPERSEDED, ended.endReason());
        assertTrue(store.audit("STAFF_CERTIFICATE_ISSUED").getLast().detail().contains("supersedes serial " + first.serial().hex()));
        assertEquals(List.of(second, ended), store.staffCertificatesOf(OPERATOR.username()));
        assertEquals(OPERATOR, world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), second.der(), FROM));
    }

    @Test
    void anExpiredCertificateNoLongerLogsIn() {
        StaffCertificate issued = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        world.clock.set(issued.notAfter().plusSeconds(1));

        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), issued.der(), FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("EXPIRED"));
    }

    @Test
    void disablingTheAccountEndsItsCertificateAndReEnablingDoesNotBringItBack() {
        StaffCertificate issued = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();

        world.manageStaff.disable(SECURITY, OPERATOR.username());
        assertEquals(RevocationReason.PRIVILEGE_WITHDRAWN,
                store.loadStaffCertificate(issued.serial()).orElseThrow().endReason());
        assertTrue(store.audit("STAFF_DISABLED").getLast().detail().contains(issued.serial().hex()));
        world.manageStaff.enable(SECURITY, OPERATOR.username());

        assertEquals(Optional.empty(), world.issueStaffCertificate.current(SECURITY, OPERATOR.username()));
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), issued.der(), FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("WITHDRAWN"));
    }

    @Test
    void aForgedCertificateWithARecordedSerialIsRefused() {
        StaffCertificate issued = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        byte[] forged = FakeCertificateAuthority.forge(issued.serial(),
                new certrenewal.domain.certificate.SubjectName("JP", "Test Bank", "Staff", OPERATOR.username()),
                issued.notBefore(), issued.notAfter());

        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), forged, FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("NOT_A_STAFF_CERTIFICATE"));
    }

    @Test
    void aCustomersCertificateDoesNotLogInToTheConsole() {
        world.issueStaffCertificate.issue(SECURITY, OPERATOR.username());

        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLoginWithCertificate.logIn(OPERATOR.username(),
                passwordOf(OPERATOR).toCharArray(), world.first.certificate().der(), FROM));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("NOT_A_STAFF_CERTIFICATE"));
    }

    @Test
    void aStaffCertificateLogsInNoCustomerAndRenewsNothing() {
        StaffCertificate issued = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();

        String before = store.contents();
        // the customer login's one answer; a certificate the customers' records do not know counts no password
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.logIn.logIn(new LogInCommand(ADMIN,
                passwordOf(ADMIN).toCharArray(), issued.der())));
        assertEquals(before, store.contents());
        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> world.authentication.authenticateForRenewal(issued.der(), FROM));
    }

    @Test
    void refusedIssuancesChangeNothing() {
        world.manageStaff.disable(SECURITY, AUDITOR.username());
        String before = store.contents();
        int signed = world.authority.signed().size();

        assertRefused(Code.NOT_PERMITTED, () -> world.issueStaffCertificate.issue(OPERATOR, OTHER_OPERATOR.username()));
        assertRefused(Code.OWN_STAFF_ACCOUNT, () -> world.issueStaffCertificate.issue(SECURITY, SECURITY.username()));
        assertRefused(Code.STAFF_ACCOUNT_DISABLED, () -> world.issueStaffCertificate.issue(SECURITY, AUDITOR.username()));
        assertRefused(Code.UNKNOWN_STAFF_ACCOUNT, () -> world.issueStaffCertificate.issue(SECURITY, "nobody"));
        assertRefused(Code.UNKNOWN_STAFF_ACCOUNT, () -> world.issueStaffCertificate.issue(SECURITY, "x".repeat(300)));
        assertRefused(Code.NOT_PERMITTED, () -> world.issueStaffCertificate.current(OPERATOR, OPERATOR.username()));

        assertEquals(before, store.contents());
        assertEquals(signed, world.authority.signed().size(), "the CA signed nothing");
        List<AuditEvent> refused = store.audit("STAFF_CERTIFICATE_ISSUED").stream()
                .filter(e -> e.outcome().equals("REFUSED")).toList();
        assertEquals(5, refused.size());
        assertEquals("staff:?", refused.getLast().target(), "a name no account can have is not recorded");
    }

    @Test
    void withTheRequirementOffTheLoginIgnoresCertificates() {
        assertEquals(OPERATOR, world.staffLogin.logIn(OPERATOR.username(), passwordOf(OPERATOR).toCharArray(),
                world.first.certificate().der(), FROM));
    }

    @Test
    void aCaFailureIssuesNothingAndKeepsTheCurrentCertificate() {
        StaffCertificate current = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        String before = store.contents();
        world.authority.failSigning(new IllegalStateException("the CA key is not usable"));

        assertRefused(Code.ISSUANCE_FAILED, () -> world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()));

        assertEquals(before, store.contents());
        assertEquals(Optional.of(current), world.issueStaffCertificate.current(SECURITY, OPERATOR.username()));
        AuditEvent failed = store.audit("STAFF_CERTIFICATE_ISSUED").getLast();
        assertEquals("FAILED", failed.outcome());
        assertTrue(failed.detail().contains("the CA key is not usable"), failed.detail());
        assertEquals(1, store.audit("STAFF_CERTIFICATE_ISSUED").stream().filter(e -> !e.outcome().equals("SUCCESS")).count(),
                "recorded once, as failed");
    }

    @Test
    void aSessionOpenedWithACertificateEndsOnceItNoLongerLogsIn() {
        StaffCertificate first = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        long opened = world.checkStaffSessionWithCertificate.currentGeneration(OPERATOR);
        assertEquals(StaffSessionCheck.GOES_ON, world.checkStaffSessionWithCertificate.check(OPERATOR, opened, first.der()));

        StaffCertificate second = world.issueStaffCertificate.issue(SECURITY, OPERATOR.username()).certificate();
        assertEquals(Optional.of(SessionEnd.CERTIFICATE_SUPERSEDED),
                world.checkStaffSessionWithCertificate.check(OPERATOR, opened, first.der()).end());
        assertEquals(StaffSessionCheck.GOES_ON, world.checkStaffSessionWithCertificate.check(OPERATOR, opened, second.der()));
        assertEquals(Optional.of(SessionEnd.CERTIFICATE_REVOKED),
                world.checkStaffSessionWithCertificate.check(OPERATOR, opened, null).end(), "a session without one");
        assertEquals(StaffSessionCheck.GOES_ON, world.checkStaffSession.check(OPERATOR, opened, null),
                "without the requirement, certificates play no part");

        world.clock.set(second.notAfter().plusSeconds(1));
        assertEquals(Optional.of(SessionEnd.CERTIFICATE_EXPIRED),
                world.checkStaffSessionWithCertificate.check(OPERATOR, opened, second.der()).end());
    }
}
