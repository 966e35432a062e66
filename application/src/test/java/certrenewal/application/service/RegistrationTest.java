package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.SYSTEM;
import static certrenewal.application.service.TestWorld.USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SubjectName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * Registration of contracts and IDs, and the system's direct delivery of a first certificate, as
 * the demo data and test set-ups use them: through the same policy-checked use cases as the
 * console and the customer's administrator.
 */
class RegistrationTest {
    private static final Actor.Staff SATO = new Actor.Staff("sato", StaffRole.OPERATOR);
    private static final Contract SECOND = new Contract(new ContractNumber("C0002"), "Example, Inc. <Tokyo>");
    private static final LoginId SECOND_ADMIN = new LoginId("admin-2");

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @Test
    void contractIsRegisteredWithItsAdministrator() {
        world.openContract.open(open(SECOND, SECOND_ADMIN));

        assertEquals(Optional.of(SECOND), store.loadContract(SECOND.number()));
        assertEquals(LoginAccount.register(SECOND_ADMIN, SECOND.number(), IdKind.ADMINISTRATOR), store.account(SECOND_ADMIN));
        AuditEvent entry = store.audit("CONTRACT_REGISTERED").getLast();
        assertEquals("staff:sato", entry.actor());
        assertEquals("contract:C0002", entry.target());
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
    }

    @Test
    void duplicateContractIsRefused() {
        int hashedBefore = world.hasher.hashed();

        assertRefused(Code.CONTRACT_EXISTS,
                () -> world.openContract.open(open(CONTRACT, SECOND_ADMIN)));

        assertNull(store.account(SECOND_ADMIN));
        assertEquals(AuditEvent.REFUSED, store.audit("CONTRACT_REGISTERED").getLast().outcome());
        assertEquals(hashedBefore, world.hasher.hashed(), "refused before any password is hashed");
    }

    @Test
    void contractWhoseAdministratorIdIsTakenIsNotStoredAtAll() {
        assertRefused(Code.LOGIN_ID_EXISTS, () -> world.openContract.open(open(SECOND, USER)));

        assertEquals(Optional.empty(), store.loadContract(SECOND.number()));
        assertEquals(IdKind.USER, store.account(USER).kind());
        assertEquals(List.of(CONTRACT), store.contracts());
    }

    @Test
    void loginIdIsRegisteredUnderItsContract() {
        LoginId user = new LoginId("user-2");

        world.registerUserId.register(register(ADMIN_ACTOR, CONTRACT.number(), user));

        assertEquals(LoginAccount.register(user, CONTRACT.number(), IdKind.USER), store.account(user));
        assertEquals("login-id:user-2", store.audit("LOGIN_ID_REGISTERED").getLast().target());
    }

    @Test
    void loginIdOfAnUnknownContractIsRefused() {
        LoginId user = new LoginId("user-2");

        assertRefused(Code.UNKNOWN_CONTRACT,
                () -> world.registerUserId.register(register(SYSTEM, new ContractNumber("C9999"), user)));
        assertNull(store.account(user));
    }

    @Test
    void duplicateLoginIdIsRefused() {
        assertRefused(Code.LOGIN_ID_EXISTS,
                () -> world.registerUserId.register(register(SYSTEM, CONTRACT.number(), ADMIN)));
        assertEquals(IdKind.ADMINISTRATOR, store.account(ADMIN).kind());
        assertEquals(AuditEvent.REFUSED, store.audit("LOGIN_ID_REGISTERED").getLast().outcome());
    }

    @Test
    void firstCertificateTakesItsSubjectFromTheRecords() {
        world.openContract.open(open(SECOND, SECOND_ADMIN));
        world.clock.advance(Duration.ofMillis(1500));

        IssuedCertificate issued = world.issueCertificate.issue(new IssueCertificateCommand(SECOND_ADMIN,
                FakeCertificateAuthority.request("CN=demo-admin,OU=C0001,O=株式会社テスト商事,C=JP"), Duration.ofDays(90), SYSTEM));

        Certificate certificate = issued.certificate();
        SubjectName expected = new SubjectName("JP", "Example, Inc. <Tokyo>", "C0002", "admin-2");
        assertEquals(expected, certificate.subject());
        assertEquals(new X500Principal(expected.rfc4514()),
                FakeCertificateAuthority.parse(certificate.der()).getSubjectX500Principal());
        assertEquals(TestWorld.T0.plusSeconds(1), certificate.notBefore());
        assertEquals(certificate.notBefore().plus(Duration.ofDays(90)), certificate.notAfter());
        assertEquals(certificate, store.certificate(certificate.serial()));
        assertEquals(Optional.of(certificate.serial()), store.account(SECOND_ADMIN).currentCertificateSerial());
        AuditEvent entry = store.audit("CERTIFICATE_ISSUED").getLast();
        assertEquals(SYSTEM.auditName(), entry.actor());
        assertTrue(entry.detail().endsWith(", via DIRECT"), entry.detail());
        assertEquals("certificate:" + certificate.serial().hex(), entry.target());
        assertArrayEquals(world.authority.caCertificate(), issued.caChain().get(0));
    }

    @Test
    void secondIssuanceIsRefused() {
        assertRefused(Code.ALREADY_HAS_CERTIFICATE, () -> world.issueCertificate.issue(new IssueCertificateCommand(ADMIN,
                FakeCertificateAuthority.request(), Duration.ofDays(365), SYSTEM)));

        assertEquals(1, world.authority.signed().size());
        assertEquals(List.of(world.first.certificate()), store.certificates());
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_ISSUED").getLast().outcome());
    }

    @Test
    void issuanceIsRefusedForALockedOrRevokedOrUnknownId() {
        LoginAccount user = store.account(USER);
        store.put(user.recordFailedPassword(1));
        assertRefused(Code.ID_LOCKED, () -> world.issueCertificate.issue(command(USER)));

        store.put(new LoginAccount(USER, user.contract(), user.kind(), AccountStatus.REVOKED, 0, null, user.version()));
        assertRefused(Code.ID_REVOKED, () -> world.issueCertificate.issue(command(USER)));

        assertRefused(Code.UNKNOWN_LOGIN_ID, () -> world.issueCertificate.issue(command(new LoginId("nobody"))));
        assertEquals(1, world.authority.signed().size());
    }

    @Test
    void badRequestIsRefusedAndNothingIsIssued() {
        world.authority.refuseRequests(Rejection.of(Code.KEY_NOT_ACCEPTED));

        assertRefused(Code.KEY_NOT_ACCEPTED, () -> world.issueCertificate.issue(command(USER)));

        assertEquals(Optional.empty(), store.account(USER).currentCertificateSerial());
        assertEquals(1, world.authority.signed().size());
    }

    @Test
    void validityLongerThanThePolicyIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> world.issueCertificate.issue(new IssueCertificateCommand(USER,
                FakeCertificateAuthority.request(), Duration.ofDays(366), SYSTEM)));
        assertEquals(1, world.authority.checkedRequests()); // the first issuance's only
    }

    @Test
    void signingFailureLeavesTheIdWithoutCertificate() {
        IllegalStateException failure = new IllegalStateException("HSM unavailable");
        world.authority.failSigning(failure);

        RequestRefusedException refused = assertThrows(RequestRefusedException.class, () -> world.issueCertificate.issue(command(USER)));

        assertEquals(Rejection.Code.ISSUANCE_FAILED, refused.rejection().code());
        assertEquals(Optional.empty(), store.account(USER).currentCertificateSerial());
        assertEquals(List.of(world.first.certificate()), store.certificates());
        assertEquals(List.of(AuditEvent.SUCCESS, AuditEvent.FAILED),
                store.audit("CERTIFICATE_ISSUED").stream().map(AuditEvent::outcome).toList());
    }

    @Test
    void failureAfterSigningLeavesNoRecord() {
        store.failAuditAppendsOf("CERTIFICATE_ISSUED");

        assertThrows(IllegalStateException.class, () -> world.issueCertificate.issue(command(USER)));

        assertEquals(2, world.authority.signed().size());
        assertNull(store.certificate(world.authority.signed().get(1).serial()));
        assertEquals(Optional.empty(), store.account(USER).currentCertificateSerial());
    }

    @Test
    void onlyTheSystemDeliversAFirstCertificateWithoutPickup() {
        for (Actor actor : List.of(SATO, ADMIN_ACTOR)) {
            assertRefused(Code.NOT_PERMITTED, () -> world.issueCertificate.issue(new IssueCertificateCommand(USER,
                    FakeCertificateAuthority.request(), Duration.ofDays(365), actor)));
        }

        assertEquals(1, world.authority.signed().size());
        assertEquals(Optional.empty(), store.account(USER).currentCertificateSerial());
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_ISSUED").getLast().outcome());
    }

    @Test
    void aDirectDeliveryUsesUpTheIssuancePasswordWaitingForTheId() {
        LoginId user = new LoginId("user-2");
        world.registerUserId.register(register(ADMIN_ACTOR, CONTRACT.number(), user));

        world.issueCertificate.issue(command(user));

        assertNull(store.grant(user));
    }

    private static OpenContractCommand open(Contract contract, LoginId administrator) {
        return new OpenContractCommand(SATO, contract, administrator, new LoginPassword("first-password".toCharArray()));
    }

    private static RegisterUserIdCommand register(Actor actor, ContractNumber contract, LoginId id) {
        return new RegisterUserIdCommand(actor, contract, id, new LoginPassword("first-password".toCharArray()),
                TestWorld.confirmationOf(actor));
    }

    private static IssueCertificateCommand command(LoginId id) {
        return new IssueCertificateCommand(id, FakeCertificateAuthority.request(), Duration.ofDays(365), SYSTEM);
    }
}
