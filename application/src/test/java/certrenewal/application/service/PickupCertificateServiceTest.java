package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.MAX_FAILED_PASSWORDS;
import static certrenewal.application.service.TestWorld.PICKUP_PERIOD;
import static certrenewal.application.service.TestWorld.POLICY;
import static certrenewal.application.service.TestWorld.USER;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PickupThrottle;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SubjectName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PickupCertificateServiceTest {
    private static final LoginId NEWBIE = new LoginId("newbie");
    private static final String LOGIN_PASSWORD = "newbie-password";

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private final PickupCertificateService service = world.pickUp;
    private final IssuancePassword issued;

    PickupCertificateServiceTest() {
        world.setLoginPassword(ADMIN);
        issued = world.registerUserId.register(new RegisterUserIdCommand(ADMIN_ACTOR, CONTRACT.number(), NEWBIE,
                new LoginPassword(LOGIN_PASSWORD.toCharArray()), TestWorld.confirmationOf(ADMIN_ACTOR)));
        world.clock.advance(Duration.ofDays(2));
    }

    @Test
    void loginAndIssuancePasswordsObtainACertificateWithTheSubjectFromTheRecords() {
        service.verify(credentials(LOGIN_PASSWORD, issued.password()));

        IssuedCertificate picked = service.pickUp(credentials(LOGIN_PASSWORD, issued.password()), FakeCertificateAuthority.request());

        Certificate certificate = picked.certificate();
        assertEquals(SubjectName.of(CONTRACT, NEWBIE), certificate.subject());
        assertEquals(world.clock.instant(), certificate.notBefore());
        assertEquals(world.clock.instant().plus(POLICY.validity()), certificate.notAfter());
        assertEquals(Optional.of(certificate.serial()), store.account(NEWBIE).currentCertificateSerial());
        assertEquals(certificate, store.certificate(certificate.serial()));
        assertNull(store.grant(NEWBIE), "the issuance password is used up");
        assertEquals(1, picked.caChain().size());
        assertEquals(AuditEvent.SUCCESS, store.audit("CERTIFICATE_PICKUP").getLast().outcome());
        assertEquals(1, store.audit("CERTIFICATE_ISSUED").stream().filter(e -> e.actor().equals("newbie")).count());
        assertTrue(store.audit("CERTIFICATE_ISSUED").getLast().detail().endsWith(", via PICKUP"));
        AuthenticatedId who = world.authentication.authenticate(certificate.der());
        assertEquals(NEWBIE, who.loginId());
    }

    @Test
    void theIssuancePasswordWorksOnce() {
        service.pickUp(credentials(LOGIN_PASSWORD, issued.password()), FakeCertificateAuthority.request());

        assertRefused(Code.PICKUP_REFUSED, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.request()));
        assertEquals(1, world.authority.signed().stream().filter(s -> s.subject().commonName().equals("newbie")).count());
    }

    @Test
    void aWrongIssuancePasswordIsRefusedAuditedAndNotCountedTowardsTheLockOut() {
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials(LOGIN_PASSWORD, "WRONGwrongWRONG2")));

        assertEquals(0, store.account(NEWBIE).failedPasswordAttempts());
        AuditEvent refusal = store.audit("CERTIFICATE_PICKUP").getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
        assertEquals("PICKUP_REFUSED: wrong issuance password", refusal.detail(), "the audit trail says what was wrong");
        assertNotNull(store.grant(NEWBIE));
    }

    @Test
    void theIssuancePasswordWorksUntilItsDeadlineAndNotAfter() {
        world.clock.set(issued.deadline());
        service.verify(credentials(LOGIN_PASSWORD, issued.password()));

        world.clock.advance(Duration.ofSeconds(1));

        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials(LOGIN_PASSWORD, issued.password())));
        assertTrue(store.audit("CERTIFICATE_PICKUP").getLast().detail().contains("expired"));
        assertEquals(PICKUP_PERIOD, Duration.between(store.audit("LOGIN_ID_REGISTERED").getLast().at(), issued.deadline()));
    }

    @Test
    void anIdWithoutAWaitingIssuancePasswordIsRefused() {
        world.setLoginPassword(USER);

        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(
                new PickupCredentials(USER, passwordOf(USER).toCharArray(), issued.password().toCharArray())));
    }

    @Test
    void wrongLoginPasswordsAtPickupNeverLockTheIdButSlowItsPickupsDown() {
        int requestsChecked = world.authority.checkedRequests();
        for (int i = 1; i <= PickupThrottle.DEFAULT.freeAttempts() + 1; i++) {
            assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));
        }
        Instant lastFailure = world.clock.instant();

        RequestRefusedException throttled = assertRefused(Code.PICKUP_THROTTLED,
                () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()), FakeCertificateAuthority.request()));

        assertEquals(Optional.of(lastFailure.plus(PickupThrottle.DEFAULT.firstDelay())), throttled.retryAt());
        assertEquals(AccountStatus.ACTIVE, store.account(NEWBIE).status());
        assertEquals(0, store.account(NEWBIE).failedPasswordAttempts());
        assertEquals(requestsChecked, world.authority.checkedRequests(), "refused before the request is looked at");
        world.clock.set(throttled.retryAt().orElseThrow());
        service.verify(credentials(LOGIN_PASSWORD, issued.password()));
        assertEquals(Optional.empty(), store.loadFailures(NEWBIE), "a right pickup starts the count again");
    }

    @Test
    void everyFurtherFailureDoublesTheWait() {
        for (int i = 1; i <= PickupThrottle.DEFAULT.freeAttempts() + 1; i++) {
            assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));
        }
        world.clock.advance(PickupThrottle.DEFAULT.firstDelay());
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));

        RequestRefusedException throttled = assertRefused(Code.PICKUP_THROTTLED,
                () -> service.verify(credentials(LOGIN_PASSWORD, issued.password())));

        assertEquals(Optional.of(world.clock.instant().plus(PickupThrottle.DEFAULT.firstDelay().multipliedBy(2))),
                throttled.retryAt());
    }

    @Test
    void aCountQuietForLongerThanTheThrottleRemembersNeitherSlowsTheIdNorCarriesOn() {
        int failures = PickupThrottle.DEFAULT.freeAttempts() + 6;
        for (int i = 1; i <= failures; i++) {
            assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));
            if (i < failures) {
                world.clock.advance(PickupThrottle.DEFAULT.maxDelay());
            }
        }
        assertRefused(Code.PICKUP_THROTTLED, () -> service.verify(credentials("wrong-password", issued.password())));
        Instant lastFailure = store.loadFailures(NEWBIE).orElseThrow().last();

        world.clock.set(lastFailure.plus(PickupThrottle.DEFAULT.forgetAfter()).plusSeconds(1));
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));

        assertEquals(Optional.of(new PickupFailuresPort.PickupFailures(1, world.clock.instant())),
                store.loadFailures(NEWBIE), "the forgotten count starts again at one");
    }

    @Test
    void theSweepDeletesTheCountsTheThrottleNoLongerCountsAndKeepsTheOthers() {
        LoginId nobody = new LoginId("nobody");
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(
                new PickupCredentials(nobody, LOGIN_PASSWORD.toCharArray(), issued.password().toCharArray())));
        world.clock.advance(PickupThrottle.DEFAULT.forgetAfter());
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong-password", issued.password())));
        ForgetOldPickupFailuresService sweep = new ForgetOldPickupFailuresService(store, PickupThrottle.DEFAULT, world.clock);

        assertEquals(0, sweep.forgetOld(), "a count exactly as old as the throttle remembers still counts");
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sweep.forgetOld());

        assertEquals(Optional.empty(), store.loadFailures(nobody));
        assertEquals(1, store.loadFailures(NEWBIE).orElseThrow().count());
    }

    @Test
    void pickupFailuresAndLoginsWithoutTheIdsCertificateNeverCountTowardsTheLoginLockOut() {
        for (int i = 0; i < MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.NO_CLIENT_CERTIFICATE,
                    () -> world.logIn.logIn(new LogInCommand(NEWBIE, "wrong".toCharArray(), null)));
            world.clock.advance(Duration.ofHours(1));
            assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong", issued.password())));
        }

        assertEquals(AccountStatus.ACTIVE, store.account(NEWBIE).status());
        assertEquals(0, store.account(NEWBIE).failedPasswordAttempts());
    }

    @Test
    void aLockedIdGetsTheSameAnswerAsAWrongPasswordAndNothingIsCounted() {
        world.lock(NEWBIE);

        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials(LOGIN_PASSWORD, issued.password())));

        assertEquals(MAX_FAILED_PASSWORDS, store.account(NEWBIE).failedPasswordAttempts());
        assertEquals("PICKUP_REFUSED: ID_LOCKED", store.audit("CERTIFICATE_PICKUP").getLast().detail());
    }

    @Test
    void anUnknownIdGetsTheSameAnswersAsAKnownOneThrottlingIncluded() {
        LoginId nobody = new LoginId("nobody");
        for (int i = 1; i <= PickupThrottle.DEFAULT.freeAttempts() + 1; i++) {
            assertRefused(Code.PICKUP_REFUSED, () -> service.verify(
                    new PickupCredentials(nobody, LOGIN_PASSWORD.toCharArray(), issued.password().toCharArray())));
        }

        assertRefused(Code.PICKUP_THROTTLED, () -> service.verify(
                new PickupCredentials(nobody, LOGIN_PASSWORD.toCharArray(), issued.password().toCharArray())));
    }

    @Test
    void aPickupClearsTheFailuresCountedBefore() {
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong", issued.password())));
        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials("wrong", issued.password())));

        service.pickUp(credentials(LOGIN_PASSWORD, issued.password()), FakeCertificateAuthority.request());

        assertEquals(Optional.empty(), store.loadFailures(NEWBIE));
        assertEquals(0, store.account(NEWBIE).failedPasswordAttempts());
    }

    @Test
    void aBadRequestIsRefusedAndTheIssuancePasswordStaysUsable() {
        assertRefused(Code.BAD_REQUEST_SIGNATURE, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.requestWithBadSignature()));
        assertNotNull(store.grant(NEWBIE));
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_PICKUP").getLast().outcome());

        service.pickUp(credentials(LOGIN_PASSWORD, issued.password()), FakeCertificateAuthority.request());
    }

    @Test
    void aSigningFailureHandsOutNothingAndKeepsTheIssuancePassword() {
        world.authority.failSigning(new IllegalStateException("HSM unavailable"));

        assertRefused(Code.ISSUANCE_FAILED, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.request()));

        assertEquals(Optional.empty(), store.account(NEWBIE).currentCertificateSerial());
        assertNotNull(store.grant(NEWBIE));
        assertEquals(AuditEvent.FAILED, store.audit("CERTIFICATE_PICKUP").getLast().outcome());
    }

    @Test
    void aPickupWhoseAuditEntryCannotBeWrittenLeavesNothingBehind() {
        store.failAuditAppendsOf("CERTIFICATE_ISSUED");
        String before = store.contents();

        assertRefused(Code.ISSUANCE_FAILED, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.request()));

        assertEquals(before, store.contents());
        assertEquals(1, world.authority.signed().stream().filter(s -> s.subject().commonName().equals("newbie")).count(),
                "signed, but neither recorded nor handed out");
    }

    @Test
    void anIssuancePasswordUsedMeanwhileByAParallelPickupIsRefused() {
        store.grantTakenOnNextDelete();

        assertRefused(Code.WRONG_ISSUANCE_PASSWORD, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.request()));

        assertEquals(Optional.empty(), store.account(NEWBIE).currentCertificateSerial());
        assertTrue(world.authority.signed().stream().noneMatch(s -> s.subject().commonName().equals("newbie")));
    }

    @Test
    void aReissueWhileTheKeyIsBeingMadeInvalidatesTheOldIssuancePassword() {
        IssuancePassword[] replacement = new IssuancePassword[1];
        world.authority.whileChecking(() -> replacement[0] = world.reissue.reissue(
                new ReissueCertificateCommand(ADMIN_ACTOR, NEWBIE, passwordOf(ADMIN).toCharArray())));

        assertRefused(Code.WRONG_ISSUANCE_PASSWORD, () -> service.pickUp(credentials(LOGIN_PASSWORD, issued.password()),
                FakeCertificateAuthority.request()));

        IssuanceGrant waiting = store.grant(NEWBIE);
        assertTrue(world.hasher.matches(replacement[0].password().toCharArray(), waiting.passwordHash()));
        service.pickUp(credentials(LOGIN_PASSWORD, replacement[0].password()), FakeCertificateAuthority.request());
    }

    @Test
    void afterAReissueTheUserObtainsANewCertificateAndTheOldOneIsRefused() {
        Certificate old = world.issueToUser().certificate();
        world.setLoginPassword(USER);
        IssuancePassword again = world.reissue.reissue(
                new ReissueCertificateCommand(ADMIN_ACTOR, USER, passwordOf(ADMIN).toCharArray()));

        IssuedCertificate picked = service.pickUp(new PickupCredentials(USER, passwordOf(USER).toCharArray(),
                again.password().toCharArray()), FakeCertificateAuthority.request());

        assertEquals(USER, world.authentication.authenticate(picked.certificate().der()).loginId());
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.authentication.authenticate(old.der()));
        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(old.serial()).storedStatus());
    }

    @Test
    void anIdThatHoldsACertificateObtainsNoSecondOne() {
        world.setLoginPassword(ADMIN);
        store.put(new IssuanceGrant(ADMIN, world.hasher.hash("ABCDEFGHJKLMNPQR".toCharArray()), issued.deadline()));

        assertRefused(Code.ALREADY_HAS_CERTIFICATE, () -> service.verify(
                new PickupCredentials(ADMIN, passwordOf(ADMIN).toCharArray(), "ABCDEFGHJKLMNPQR".toCharArray())));
    }

    @Test
    void aWithdrawnIdObtainsNothing() {
        LoginAccount account = store.account(NEWBIE);
        store.put(new LoginAccount(NEWBIE, account.contract(), account.kind(), AccountStatus.REVOKED, 0, null, account.version()));

        assertRefused(Code.PICKUP_REFUSED, () -> service.verify(credentials(LOGIN_PASSWORD, issued.password())));
        assertEquals("PICKUP_REFUSED: ID_REVOKED", store.audit("CERTIFICATE_PICKUP").getLast().detail());
    }

    private PickupCredentials credentials(String loginPassword, String issuancePassword) {
        return new PickupCredentials(NEWBIE, loginPassword.toCharArray(), issuancePassword.toCharArray());
    }
}
