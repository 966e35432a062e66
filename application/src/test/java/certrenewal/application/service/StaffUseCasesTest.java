package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.MAX_FAILED_PASSWORDS;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffLockout;
import certrenewal.domain.administration.StaffRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffUseCasesTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @Test
    void firstStartCreatesTwoOperatorsAnAuditorAndASecurityAdministratorWithRandomPasswordsKeptOnlyAsHashes() {
        List<BootstrapCredential> created = world.bootstrapStaff.ensureBootstrapAccounts();

        assertEquals(List.of("operator", "operator2", "auditor", "secadmin"), created.stream().map(BootstrapCredential::username).toList());
        assertEquals(List.of(StaffRole.OPERATOR, StaffRole.OPERATOR, StaffRole.AUDITOR, StaffRole.SECURITY_ADMIN), created.stream().map(BootstrapCredential::role).toList());
        assertNotEquals(created.get(0).password(), created.get(1).password());
        for (BootstrapCredential credential : created) {
            assertEquals(BootstrapStaffService.BOOTSTRAP_PASSWORD_LENGTH, credential.password().length());
            assertTrue(credential.password().chars().allMatch(c -> RandomPasswords.ALPHABET.indexOf(c) >= 0));
            StaffAccount stored = store.staff(credential.username());
            assertEquals(credential.role(), stored.role());
            assertTrue(world.hasher.matches(credential.password().toCharArray(), stored.passwordHash()));
            assertFalse(store.contents().contains(credential.password()));
            assertFalse(credential.toString().contains(credential.password()));
        }
        assertEquals(4, store.audit("STAFF_CREATED").size());
        assertTrue(store.audit().stream().noneMatch(e -> created.stream().anyMatch(c -> e.detail().contains(c.password()))));
    }

    @Test
    void laterStartsCreateNothing() {
        List<BootstrapCredential> first = world.bootstrapStaff.ensureBootstrapAccounts();
        String stored = store.contents();

        assertEquals(List.of(), world.bootstrapStaff.ensureBootstrapAccounts());

        assertEquals(stored, store.contents());
        assertEquals(4, store.countStaff());
        assertEquals(4, first.size());
    }

    @Test
    void noBootstrapOnceAnyStaffAccountExists() {
        world.addStaff(OPERATOR);

        assertEquals(List.of(), world.bootstrapStaff.ensureBootstrapAccounts());
        assertEquals(1, store.countStaff());
    }

    @Test
    void aBootstrapPasswordLogsInWithItsRole() {
        BootstrapCredential auditor = world.bootstrapStaff.ensureBootstrapAccounts().get(2);

        Actor.Staff who = world.staffLogin.logIn("auditor", auditor.password().toCharArray());

        assertEquals(new Actor.Staff("auditor", StaffRole.AUDITOR), who);
        AuditEvent entry = store.audit("STAFF_LOGIN").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals("staff:auditor", entry.actor());
    }

    @Test
    void sixWrongPasswordsInARowLockTheAccountForAWhileAndMeanwhileEvenTheRightOneIsRefusedLikeAWrongOne() {
        world.addStaff(OPERATOR);
        for (int i = 1; i <= MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("tanaka", "wrong".toCharArray()));
        }

        assertTrue(store.staff("tanaka").lockedAt(world.clock.instant()));
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("tanaka", passwordOf(OPERATOR).toCharArray()));
        assertEquals(1, store.audit("STAFF_LOCKED").size());
        assertEquals(MAX_FAILED_PASSWORDS + 1, store.audit("STAFF_LOGIN").size());
        assertTrue(store.audit("STAFF_LOGIN").stream().allMatch(e -> e.outcome().equals(AuditEvent.REFUSED)));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("locked until"), "the audit trail says why");
    }

    @Test
    void aLockOutEndsByItselfAndTheNextOneLastsTwiceAsLong() {
        world.addStaff(OPERATOR);
        lockOut("tanaka");
        world.clock.advance(TestWorld.STAFF_LOCKOUT.first());

        assertEquals(OPERATOR, world.staffLogin.logIn("tanaka", passwordOf(OPERATOR).toCharArray()));

        lockOut("tanaka"); // after a success, the back-off starts again at its first length
        assertEquals(world.clock.instant().plus(TestWorld.STAFF_LOCKOUT.first()), store.staff("tanaka").lockedUntil());
        world.clock.advance(TestWorld.STAFF_LOCKOUT.first());
        lockOut("tanaka");
        assertEquals(world.clock.instant().plus(TestWorld.STAFF_LOCKOUT.first().multipliedBy(2)),
                store.staff("tanaka").lockedUntil());
    }

    @Test
    void theLockOutThresholdIsConfigurable() {
        world.addStaff(OPERATOR);
        StaffLoginService strict = new StaffLoginService(store, store,
                certrenewal.domain.administration.StaffCertificateLogin.Requirement.OFF, world.hasher, store, store,
                new StaffLockout(2, Duration.ofMinutes(15), Duration.ofHours(24)), world.unknownCallers, world.clock);

        assertRefused(Code.WRONG_CREDENTIALS, () -> strict.logIn("tanaka", "wrong".toCharArray()));
        assertFalse(store.staff("tanaka").lockedAt(world.clock.instant()));
        assertRefused(Code.WRONG_CREDENTIALS, () -> strict.logIn("tanaka", "wrong".toCharArray()));
        assertTrue(store.staff("tanaka").lockedAt(world.clock.instant()));
        assertThrows(IllegalArgumentException.class, () -> new StaffLockout(0, Duration.ofMinutes(15), Duration.ofHours(24)));
    }

    private void lockOut(String username) {
        for (int i = 1; i <= MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn(username, "wrong".toCharArray()));
        }
        assertTrue(store.staff(username).lockedAt(world.clock.instant()));
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        world.addStaff(OPERATOR);
        for (int i = 1; i < MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("tanaka", "wrong".toCharArray()));
        }

        world.staffLogin.logIn("tanaka", passwordOf(OPERATOR).toCharArray());

        assertEquals(0, store.staff("tanaka").failedPasswordAttempts());
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("tanaka", "wrong".toCharArray()));
    }

    @Test
    void anUnknownUsernameGetsTheSameAnswerAsAWrongPasswordAndIsCountedPerAddressAndMinute() {
        ClientAddress from = new ClientAddress("203.0.113.9");
        for (int i = 0; i < 50; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("nobody", "whatever".toCharArray(), from));
        }
        assertEquals(List.of(), store.audit("STAFF_LOGIN"), "nothing written while the minute runs");

        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, world.unknownCallers.writeFinishedMinutes());

        AuditEvent entry = store.audit("STAFF_LOGIN").getLast();
        assertEquals(AuditEvent.REFUSED, entry.outcome());
        assertEquals("anonymous:203.0.113.9", entry.actor());
        assertTrue(entry.detail().startsWith("WRONG_CREDENTIALS: unknown staff account: 50 refusals in the minute from "),
                entry.detail());
        assertTrue(entry.detail().endsWith("e.g. staff:nobody"), entry.detail());
    }
}
