package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.PICKUP_PERIOD;
import static certrenewal.application.service.TestWorld.SYSTEM;
import static certrenewal.application.service.TestWorld.USER;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdministrationUseCasesTest {
    private static final LoginId NEWBIE = new LoginId("newbie");
    private static final String WRONG = "not-my-password";

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private final Certificate adminCertificate = world.first.certificate();
    private final Certificate userCertificate;

    AdministrationUseCasesTest() {
        world.setLoginPassword(ADMIN);
        world.addStaff(OPERATOR);
        world.addStaff(TestWorld.AUDITOR);
        userCertificate = world.issueToUser().certificate();
        world.clock.advance(Duration.ofDays(3));
    }

    // ---- 失効: revocation ----

    @Test
    void administratorRevokesAUsersCertificateWhichIsRefusedAtOnce() {
        world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN)));

        Certificate revoked = store.certificate(userCertificate.serial());
        assertEquals(CertificateStatus.REVOKED, revoked.storedStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE, revoked.revocationReason());
        assertEquals(world.clock.instant(), revoked.revokedAt());
        AuditEvent entry = store.audit("CERTIFICATE_REVOKED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals("demo-admin", entry.actor());
        assertEquals("certificate:" + userCertificate.serial().hex(), entry.target());
        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.authentication.authenticate(userCertificate.der()));
    }

    @Test
    void everyRevocationIsPublishedInANewCrlAfterItsCommit() {
        byte[] before = world.crl.currentCrl();

        world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN)));

        FakeCertificateAuthority.SignedCrl crl = world.authority.lastCrl();
        assertEquals(List.of(new RevokedCertificate(userCertificate.serial(), world.clock.instant(),
                RevocationReason.KEY_COMPROMISE)), crl.revoked());
        assertEquals(2, world.authority.crls().size());
        assertArrayEquals(crl.der(), world.crl.currentCrl());
        assertFalse(java.util.Arrays.equals(before, world.crl.currentCrl()));
        assertEquals(0, store.revocationListReadsInTransaction());
    }

    @Test
    void revocationCommitsWithItsAuditEntryOrNotAtAll() {
        store.failAuditAppendsOf("CERTIFICATE_REVOKED");

        assertThrows(IllegalStateException.class, () -> world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN))));

        assertEquals(CertificateStatus.ACTIVE, store.certificate(userCertificate.serial()).storedStatus());
        assertEquals(0, world.authority.crls().size());
    }

    @Test
    void wrongConfirmationPasswordsCountTowardsTheAdministratorsLockOutAndEndTheSession() {
        AuthenticatedId session = world.admin();
        for (int i = 1; i < TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.revoke.revoke(revokeByAdmin(userCertificate.serial(), WRONG)));
            assertEquals(i, store.account(ADMIN).failedPasswordAttempts());
        }

        assertRefused(Code.ID_LOCKED, () -> world.revoke.revoke(revokeByAdmin(userCertificate.serial(), WRONG)));

        assertEquals(CertificateStatus.ACTIVE, store.certificate(userCertificate.serial()).storedStatus());
        assertEquals(AccountStatus.LOCKED, store.account(ADMIN).status());
        assertEquals(Optional.of(SessionEnd.LOCKED), world.checkCustomerSession.check(session));
        assertEquals(1, store.audit("ID_LOCKED").size());
        AuditEvent refusal = store.audit("CERTIFICATE_REVOKED").getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
        assertTrue(refusal.detail().startsWith("ID_LOCKED"), refusal.detail());
        assertTrue(store.audit().stream().noneMatch(e -> e.detail().contains(WRONG)));
        assertEquals(0, world.authority.crls().size());
    }

    @Test
    void theRightConfirmationPasswordEndsTheRunOfWrongOnes() {
        for (int i = 1; i < TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.reissue.reissue(reissueByAdmin(USER, WRONG)));
        }

        world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN)));
        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.reissue.reissue(reissueByAdmin(USER, WRONG)));

        assertEquals(AccountStatus.ACTIVE, store.account(ADMIN).status());
        assertEquals(1, store.account(ADMIN).failedPasswordAttempts());
    }

    @Test
    void wrongConfirmationPasswordsLockAStaffMemberForAWhileAndEndTheConsoleSession() {
        world.lock(ADMIN);
        char[] wrong = WRONG.toCharArray();
        for (int i = 1; i <= TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.unlock.unlock(OPERATOR, ADMIN, wrong));
        }

        assertEquals(world.clock.instant().plus(TestWorld.STAFF_LOCKOUT.first()), store.staff(OPERATOR.username()).lockedUntil());
        assertEquals(Optional.of(SessionEnd.LOCKED), world.checkStaffSession.check(OPERATOR, 0).end());
        assertEquals(AccountStatus.LOCKED, store.account(ADMIN).status());
        assertEquals(1, store.audit("STAFF_LOCKED").size());
        assertEquals(TestWorld.MAX_FAILED_PASSWORDS, store.audit("ID_UNLOCKED").size());
    }

    @Test
    void registeringAndUnlockingAskForTheAdministratorsOwnPassword() {
        world.lock(USER);

        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.registerUserId.register(new RegisterUserIdCommand(
                ADMIN_ACTOR, CONTRACT.number(), NEWBIE, new LoginPassword("newbie-password".toCharArray()), WRONG.toCharArray())));
        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.unlock.unlock(ADMIN_ACTOR, USER,
                passwordOf(USER).toCharArray()));

        assertNull(store.account(NEWBIE));
        assertEquals(AccountStatus.LOCKED, store.account(USER).status());
        assertEquals(2, store.account(ADMIN).failedPasswordAttempts());
        assertEquals(AuditEvent.REFUSED, store.audit("LOGIN_ID_REGISTERED").getLast().outcome());
        assertEquals(AuditEvent.REFUSED, store.audit("ID_UNLOCKED").getLast().outcome());
    }

    @Test
    void staffConfirmWithTheirConsolePasswordAndAWrongOneCounts() {
        RevokeCertificateCommand withCustomersPassword = new RevokeCertificateCommand(OPERATOR, adminCertificate.serial(),
                RevocationReason.AFFILIATION_CHANGED, passwordOf(ADMIN).toCharArray());
        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.revoke.revoke(withCustomersPassword));
        assertEquals(1, store.staff(OPERATOR.username()).failedPasswordAttempts());

        world.revoke.revoke(new RevokeCertificateCommand(OPERATOR, adminCertificate.serial(), RevocationReason.AFFILIATION_CHANGED,
                passwordOf(OPERATOR).toCharArray()));

        assertEquals(CertificateStatus.REVOKED, store.certificate(adminCertificate.serial()).storedStatus());
        assertEquals("staff:tanaka", store.audit("CERTIFICATE_REVOKED").getLast().actor());
        assertEquals(0, store.staff(OPERATOR.username()).failedPasswordAttempts());
    }

    @Test
    void systemTasksNeedNoConfirmationPassword() {
        world.revoke.revoke(new RevokeCertificateCommand(SYSTEM, userCertificate.serial(), RevocationReason.CESSATION_OF_OPERATION,
                new char[0]));

        assertEquals(CertificateStatus.REVOKED, store.certificate(userCertificate.serial()).storedStatus());
    }

    @Test
    void aRevokedCertificateIsNotRevokedAgain() {
        world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN)));
        Instant firstRevocation = world.clock.instant();
        world.clock.advance(Duration.ofHours(1));

        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN))));

        assertEquals(firstRevocation, store.certificate(userCertificate.serial()).revokedAt());
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_REVOKED").getLast().outcome());
    }

    @Test
    void aSupersededCertificateIsNotRevoked() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());
        world.authentication.authenticate(renewed.certificate().der());

        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.revoke.revoke(revokeByOperator(adminCertificate.serial())));
    }

    @Test
    void anExpiredCertificateIsNotRevoked() {
        world.clock.set(userCertificate.notAfter());

        assertRefused(Code.CERTIFICATE_EXPIRED, () -> world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN))));
        assertEquals(CertificateStatus.ACTIVE, store.certificate(userCertificate.serial()).storedStatus());
    }

    @Test
    void anUnknownSerialIsUnknownToOperatorsButNotPermittedToCustomers() {
        SerialNumber unknown = SerialNumber.ofHex("123456789abcdef");

        assertRefused(Code.UNKNOWN_CERTIFICATE, () -> world.revoke.revoke(revokeByOperator(unknown)));
        // a customer must not learn which serials exist outside its contract
        assertRefused(Code.NOT_PERMITTED, () -> world.revoke.revoke(revokeByAdmin(unknown, passwordOf(ADMIN))));
    }

    @Test
    void revokingTheCurrentCertificateAlsoRevokesARenewedOneNotUsedYet() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());

        world.revoke.revoke(revokeByOperator(adminCertificate.serial()));

        Certificate unused = store.certificate(renewed.certificate().serial());
        assertEquals(CertificateStatus.REVOKED, unused.storedStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE, unused.revocationReason());
        assertTrue(store.renewals().stream().noneMatch(r -> r.state() == RenewalState.ISSUED));
        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.authentication.authenticate(renewed.certificate().der()));
        assertEquals(List.of(adminCertificate.serial(), renewed.certificate().serial()),
                world.authority.lastCrl().revoked().stream().map(RevokedCertificate::serial).toList());
    }

    @Test
    void revokingARenewedCertificateNotUsedYetEndsItsRenewal() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());

        world.revoke.revoke(revokeByOperator(renewed.certificate().serial()));

        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate.serial()).storedStatus());
        assertEquals(List.of(RenewalState.ABANDONED), store.renewals().stream().map(Renewal::state).toList());
        assertEquals(adminCertificate.serial(), world.admin().certificate());
    }

    @Test
    void aCrlThatCannotBeSignedLeavesTheRevocationInForceAndIsSignedAtTheNextFetch() {
        world.authority.failCrlSigning(new IllegalStateException("HSM unavailable"));

        world.revoke.revoke(revokeByAdmin(userCertificate.serial(), passwordOf(ADMIN)));

        assertEquals(CertificateStatus.REVOKED, store.certificate(userCertificate.serial()).storedStatus());
        world.authority.failCrlSigning(null);
        world.crl.currentCrl();
        assertEquals(List.of(userCertificate.serial()),
                world.authority.lastCrl().revoked().stream().map(RevokedCertificate::serial).toList());
    }

    // ---- 再発行: re-issue ----

    @Test
    void reissueSupersedesTheCurrentCertificateAndGrantsAnIssuancePasswordForThePickupPeriod() {
        IssuancePassword issued = world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN)));

        Instant now = world.clock.instant();
        assertEquals(now.plus(PICKUP_PERIOD), issued.deadline());
        assertEquals(IssuanceGrants.PASSWORD_LENGTH, issued.password().length());
        assertTrue(issued.password().chars().allMatch(c -> RandomPasswords.ALPHABET.indexOf(c) >= 0), issued.password());
        Certificate old = store.certificate(userCertificate.serial());
        assertEquals(CertificateStatus.SUPERSEDED, old.storedStatus());
        assertEquals(RevocationReason.SUPERSEDED, old.revocationReason());
        assertEquals(Optional.empty(), store.account(USER).currentCertificateSerial());
        IssuanceGrant grant = store.grant(USER);
        assertEquals(issued.deadline(), grant.deadline());
        assertTrue(world.hasher.matches(issued.password().toCharArray(), grant.passwordHash()));
        assertEquals(AuditEvent.SUCCESS, store.audit("CERTIFICATE_REISSUED").getLast().outcome());
        assertEquals(List.of(new RevokedCertificate(userCertificate.serial(), now, RevocationReason.SUPERSEDED)),
                world.authority.lastCrl().revoked());
        assertEquals(0, store.revocationListReadsInTransaction());
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.authentication.authenticate(userCertificate.der()));
    }

    @Test
    void theIssuancePasswordIsHandedOutOnceAndNeverStoredOrAudited() {
        IssuancePassword issued = world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN)));

        assertFalse(store.contents().contains(issued.password()));
        assertTrue(store.audit().stream().noneMatch(e -> (e.detail() + e.target() + e.actor()).contains(issued.password())));
        assertFalse(issued.toString().contains(issued.password()));
    }

    @Test
    void everyReissueGivesANewPasswordAndOnlyTheLatestIsKept() {
        IssuancePassword first = world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN)));
        IssuancePassword second = world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN)));

        assertNotEquals(first.password(), second.password());
        assertFalse(world.hasher.matches(first.password().toCharArray(), store.grant(USER).passwordHash()));
        assertTrue(world.hasher.matches(second.password().toCharArray(), store.grant(USER).passwordHash()));
        assertEquals(1, world.authority.crls().size(), "the second re-issue revoked nothing, so signed no CRL");
    }

    @Test
    void reissueAbandonsAnOpenRenewal() {
        world.moveIntoRenewalWindow();
        Renewal.Started started = world.startRenewal.start(world.admin());

        world.reissue.reissue(reissueByOperator(ADMIN));

        assertEquals(RenewalState.ABANDONED, store.renewal(started.id()).state());
        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(adminCertificate.serial()).storedStatus());
    }

    @Test
    void reissueRevokesARenewedCertificateNotUsedYet() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());

        world.reissue.reissue(reissueByOperator(ADMIN));

        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(renewed.certificate().serial()).storedStatus());
        assertTrue(store.renewals().stream().allMatch(r -> r.state() == RenewalState.ABANDONED));
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.authentication.authenticate(renewed.certificate().der()));
        assertEquals(Optional.empty(), store.account(ADMIN).currentCertificateSerial());
    }

    @Test
    void reissueIsAllOrNothing() {
        store.failAuditAppendsOf("CERTIFICATE_REISSUED");
        String before = store.contents();

        assertThrows(IllegalStateException.class, () -> world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN))));

        assertEquals(before, store.contents());
        assertEquals(0, world.authority.crls().size());
    }

    @Test
    void reissueWithAWrongConfirmationPasswordChangesNothingButTheCount() {
        String before = store.contents();

        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.reissue.reissue(reissueByAdmin(USER, WRONG)));

        assertEquals(before.replace("failedPasswordAttempts=0, currentCertificate=" + world.first.certificate().serial().hex()
                + ", version=1", "failedPasswordAttempts=1, currentCertificate=" + world.first.certificate().serial().hex()
                + ", version=2"), store.contents());
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_REISSUED").getLast().outcome());
        assertEquals(1, store.account(ADMIN).failedPasswordAttempts());
    }

    @Test
    void aWithdrawnIdIsNotReissued() {
        LoginAccount user = store.account(USER);
        store.put(new LoginAccount(USER, user.contract(), user.kind(), AccountStatus.REVOKED, 0, user.currentCertificate(),
                user.version()));

        assertRefused(Code.ID_REVOKED, () -> world.reissue.reissue(reissueByAdmin(USER, passwordOf(ADMIN))));
        assertNull(store.grant(USER));
    }

    @Test
    void anUnknownIdIsUnknownToOperatorsButNotPermittedToCustomers() {
        assertRefused(Code.UNKNOWN_LOGIN_ID, () -> world.reissue.reissue(reissueByOperator(new LoginId("nobody"))));
        assertRefused(Code.NOT_PERMITTED, () -> world.reissue.reissue(reissueByAdmin(new LoginId("nobody"), passwordOf(ADMIN))));
        assertRefused(Code.UNKNOWN_LOGIN_ID, () -> world.unlock.unlock(OPERATOR, new LoginId("nobody"),
                passwordOf(OPERATOR).toCharArray()));
    }

    // ---- ロック解除: unlock ----

    @Test
    void administratorUnlocksALockedUserWhoseCountStartsAgain() {
        world.lock(USER);

        world.unlock.unlock(ADMIN_ACTOR, USER, passwordOf(ADMIN).toCharArray());

        assertEquals(AccountStatus.ACTIVE, store.account(USER).status());
        assertEquals(0, store.account(USER).failedPasswordAttempts());
        AuditEvent entry = store.audit("ID_UNLOCKED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals("login-id:demo-user", entry.target());
    }

    @Test
    void anIdThatIsNotLockedIsNotUnlocked() {
        assertRefused(Code.NOT_LOCKED, () -> world.unlock.unlock(ADMIN_ACTOR, USER, passwordOf(ADMIN).toCharArray()));

        assertEquals(AuditEvent.REFUSED, store.audit("ID_UNLOCKED").getLast().outcome());
    }

    @Test
    void unlockTriesAgainWhenAnotherRequestChangedTheIdFirst() {
        world.lock(USER);
        store.conflictOnNextAccountUpdate();

        world.unlock.unlock(ADMIN_ACTOR, USER, passwordOf(ADMIN).toCharArray());

        assertEquals(AccountStatus.ACTIVE, store.account(USER).status());
        assertEquals(1, store.audit("ID_UNLOCKED").size());
    }

    // ---- 利用者登録: registering user IDs ----

    @Test
    void administratorRegistersAUserWithItsLoginPasswordAndAnIssuancePassword() {
        IssuancePassword issued = world.registerUserId.register(registerByAdmin(NEWBIE, "newbie-password"));

        assertEquals(LoginAccount.register(NEWBIE, CONTRACT.number(), IdKind.USER), store.account(NEWBIE));
        assertTrue(world.hasher.matches("newbie-password".toCharArray(), store.passwordHash(NEWBIE)));
        assertEquals(new IssuanceGrant(NEWBIE, store.grant(NEWBIE).passwordHash(), world.clock.instant().plus(PICKUP_PERIOD)),
                store.grant(NEWBIE));
        assertTrue(world.hasher.matches(issued.password().toCharArray(), store.grant(NEWBIE).passwordHash()));
        AuditEvent entry = store.audit("LOGIN_ID_REGISTERED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertFalse(entry.detail().contains("newbie-password") || entry.detail().contains(issued.password()));
    }

    @Test
    void anExistingIdIsNotRegisteredAgain() {
        String before = store.contents();

        assertRefused(Code.LOGIN_ID_EXISTS, () -> world.registerUserId.register(registerByAdmin(USER, "another-password")));

        assertEquals(before, store.contents());
        assertEquals(AuditEvent.REFUSED, store.audit("LOGIN_ID_REGISTERED").getLast().outcome());
    }

    @Test
    void noIdIsRegisteredInAnUnknownContract() {
        assertRefused(Code.UNKNOWN_CONTRACT, () -> world.registerUserId.register(new RegisterUserIdCommand(SYSTEM,
                new ContractNumber("C9999"), NEWBIE, new LoginPassword("newbie-password".toCharArray()), new char[0])));

        assertNull(store.account(NEWBIE));
    }

    @Test
    void aShortInitialPasswordIsNotAccepted() {
        assertThrows(IllegalArgumentException.class, () -> world.registerUserId.register(registerByAdmin(NEWBIE, "short")));
        assertNull(store.account(NEWBIE));
    }

    // ---- contracts ----

    @Test
    void operatorOpensAContractWithItsAdministratorAndAnIssuancePassword() {
        Contract third = new Contract(new ContractNumber("C0003"), "Third Co.");
        LoginId administrator = new LoginId("admin-3");

        IssuancePassword issued = world.openContract.open(new OpenContractCommand(OPERATOR, third, administrator,
                new LoginPassword("first-password".toCharArray())));

        assertEquals(Optional.of(third), store.loadContract(third.number()));
        assertEquals(LoginAccount.register(administrator, third.number(), IdKind.ADMINISTRATOR), store.account(administrator));
        assertTrue(world.hasher.matches("first-password".toCharArray(), store.passwordHash(administrator)));
        assertTrue(store.loadPasswordState(administrator).orElseThrow().changeRequired(),
                "the bank chose the first login password: the administrator changes it at the first login");
        assertTrue(world.hasher.matches(issued.password().toCharArray(), store.grant(administrator).passwordHash()));
        assertEquals(world.clock.instant().plus(PICKUP_PERIOD), issued.deadline());
        AuditEvent entry = store.audit("CONTRACT_REGISTERED").getLast();
        assertEquals("staff:tanaka", entry.actor());
        assertEquals("contract:C0003", entry.target());
    }

    @Test
    void anExistingContractIsNotOpenedAgain() {
        assertRefused(Code.CONTRACT_EXISTS, () -> world.openContract.open(new OpenContractCommand(OPERATOR, CONTRACT,
                new LoginId("admin-3"), new LoginPassword("first-password".toCharArray()))));
        assertNull(store.account(new LoginId("admin-3")));
    }

    @Test
    void aContractWhoseAdministratorIdIsTakenIsNotOpenedAtAll() {
        Contract third = new Contract(new ContractNumber("C0003"), "Third Co.");

        assertRefused(Code.LOGIN_ID_EXISTS, () -> world.openContract.open(new OpenContractCommand(OPERATOR, third, USER,
                new LoginPassword("first-password".toCharArray()))));

        assertEquals(Optional.empty(), store.loadContract(third.number()));
        assertEquals(IdKind.USER, store.account(USER).kind());
    }

    // ---- 利用者管理: the list ----

    @Test
    void administratorListsItsContractsIdsWithTheirCertificatesAndWaitingIssuance() {
        world.registerUserId.register(registerByAdmin(NEWBIE, "newbie-password"));

        List<LoginIdSummary> ids = world.listContractIds.list(ADMIN_ACTOR, CONTRACT.number());

        assertEquals(List.of(ADMIN, USER, NEWBIE), ids.stream().map(LoginIdSummary::loginId).toList());
        assertEquals(userCertificate.serial(), ids.get(1).serial());
        assertEquals(List.of(false, false, true), ids.stream().map(LoginIdSummary::issuancePending).toList());
        assertEquals(world.clock.instant(), world.consoleQueries.lastNow);
    }

    @Test
    void anUnknownContractIsNotListed() {
        assertRefused(Code.UNKNOWN_CONTRACT, () -> world.listContractIds.list(OPERATOR, new ContractNumber("C9999")));
        assertEquals(List.of(), world.consoleQueries.calls);
    }

    @Test
    void aPickupPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RegisterUserIdService(store, store, store, store, store,
                world.hasher, store, Duration.ZERO, world.confirmations, store, store, world.clock));
    }

    // ---- helpers ----

    private static RevokeCertificateCommand revokeByAdmin(SerialNumber serial, String password) {
        return new RevokeCertificateCommand(ADMIN_ACTOR, serial, RevocationReason.KEY_COMPROMISE, password.toCharArray());
    }

    private static RevokeCertificateCommand revokeByOperator(SerialNumber serial) {
        return new RevokeCertificateCommand(OPERATOR, serial, RevocationReason.KEY_COMPROMISE,
                passwordOf(OPERATOR).toCharArray());
    }

    private static ReissueCertificateCommand reissueByAdmin(LoginId target, String password) {
        return new ReissueCertificateCommand(ADMIN_ACTOR, target, password.toCharArray());
    }

    private static ReissueCertificateCommand reissueByOperator(LoginId target) {
        return new ReissueCertificateCommand(OPERATOR, target, passwordOf(OPERATOR).toCharArray());
    }

    private static RegisterUserIdCommand registerByAdmin(LoginId id, String password) {
        return new RegisterUserIdCommand(ADMIN_ACTOR, CONTRACT.number(), id, new LoginPassword(password.toCharArray()),
                passwordOf(ADMIN).toCharArray());
    }
}
