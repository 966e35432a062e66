package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.StaffSessionCheck;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.readmodel.StaffMember;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security administrator's management of staff accounts, and every staff member's own password change. */
class StaffAdministrationUseCasesTest {
    private static final Actor.Staff SECURITY = new Actor.Staff("sato", StaffRole.SECURITY_ADMIN);
    private static final Actor.Staff OTHER_SECURITY = new Actor.Staff("kato", StaffRole.SECURITY_ADMIN);

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @BeforeEach
    void staff() {
        world.addStaff(OPERATOR);
        world.addStaff(AUDITOR);
        world.addStaff(SECURITY);
    }

    @Test
    void aNameNoAccountCanHaveIsUnknownAndNotWrittenIntoTheAuditTrail() {
        String crafted = "x".repeat(300) + "\r\nforged";

        assertRefused(Code.UNKNOWN_STAFF_ACCOUNT, () -> world.manageStaff.disable(SECURITY, crafted));

        // the audit trail's target column holds 255 characters: the crafted name would not even fit
        assertEquals("staff:?", store.audit("STAFF_DISABLED").getLast().target());
    }

    @Test
    void aSecurityAdministratorCreatesAnAccountWhoseOneTimePasswordMustBeChangedFirst() {
        BootstrapCredential created = world.manageStaff.create(SECURITY, "yamada", StaffRole.OPERATOR);

        assertEquals(ManageStaffService.ONE_TIME_PASSWORD_LENGTH, created.password().length());
        assertFalse(store.contents().contains(created.password()));
        Actor.Staff yamada = world.staffLogin.logIn("yamada", created.password().toCharArray());
        assertEquals(new Actor.Staff("yamada", StaffRole.OPERATOR), yamada);
        assertEquals(new StaffSessionCheck(Optional.empty(), true), world.checkStaffSession.check(yamada, world.checkStaffSession.currentGeneration(yamada)));
        AuditEvent audited = store.audit("STAFF_CREATED").getLast();
        assertEquals("staff:sato", audited.actor());
        assertEquals("staff:yamada", audited.target());
        assertTrue(store.audit().stream().noneMatch(e -> e.detail().contains(created.password())));

        world.changeStaffPassword.change(yamada, created.password().toCharArray(), "Kirin-no-mori-7".toCharArray());
        assertEquals(StaffSessionCheck.GOES_ON, world.checkStaffSession.check(yamada, world.checkStaffSession.currentGeneration(yamada)));
    }

    @Test
    void anExistingOrMalformedNameIsRefusedAndChangesNothing() {
        String before = store.contents();
        assertRefused(Code.STAFF_ACCOUNT_EXISTS, () -> world.manageStaff.create(SECURITY, OPERATOR.username(), StaffRole.AUDITOR));
        assertRefused(Code.INVALID_STAFF_USERNAME, () -> world.manageStaff.create(SECURITY, "Bad Name", StaffRole.AUDITOR));
        assertEquals(before, store.contents());
        assertEquals(StaffRole.OPERATOR, store.staff(OPERATOR.username()).role());
        assertEquals(2, store.audit("STAFF_CREATED").stream().filter(e -> e.outcome().equals(AuditEvent.REFUSED)).count());
    }

    @Test
    void operatorsAndAuditorsManageNoStaffAndRefusalsChangeNothing() {
        for (Actor.Staff who : List.of(OPERATOR, AUDITOR)) {
            int audited = store.audit().size();
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.list(who));
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.create(who, "yamada", StaffRole.SECURITY_ADMIN));
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.disable(who, SECURITY.username()));
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.resetPassword(who, SECURITY.username()));
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.changeRole(who, who.username(), StaffRole.SECURITY_ADMIN));
            assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.unlock(who, "nobody"));
            assertEquals(Optional.empty(), store.loadStaff("yamada"));
            assertFalse(store.staff(SECURITY.username()).disabled());
            assertEquals(who.role(), store.staff(who.username()).role());
            assertEquals(audited + 6, store.audit().size(), "every refusal audited");
            assertTrue(store.audit().subList(audited, audited + 6).stream().allMatch(e -> e.outcome().equals(AuditEvent.REFUSED)));
        }
    }

    @Test
    void nobodyManagesTheirOwnAccount() {
        world.addStaff(OTHER_SECURITY);
        assertRefused(Code.OWN_STAFF_ACCOUNT, () -> world.manageStaff.disable(SECURITY, SECURITY.username()));
        assertRefused(Code.OWN_STAFF_ACCOUNT, () -> world.manageStaff.resetPassword(SECURITY, SECURITY.username()));
        assertRefused(Code.OWN_STAFF_ACCOUNT, () -> world.manageStaff.changeRole(SECURITY, SECURITY.username(), StaffRole.OPERATOR));
        assertEquals(StaffRole.SECURITY_ADMIN, store.staff(SECURITY.username()).role());
        assertFalse(store.staff(SECURITY.username()).disabled());
    }

    @Test
    void theLastActiveSecurityAdministratorStays() {
        world.addStaff(OTHER_SECURITY);
        world.manageStaff.disable(SECURITY, OTHER_SECURITY.username());
        // the other is disabled: sato is the last active one, and kato (re-enabled) cannot take sato's role away alone
        world.manageStaff.enable(SECURITY, OTHER_SECURITY.username());
        world.manageStaff.changeRole(OTHER_SECURITY, SECURITY.username(), StaffRole.AUDITOR);
        Actor.Staff formerAdmin = new Actor.Staff(SECURITY.username(), StaffRole.AUDITOR);
        // kato is now the last active security administrator; the former one has no right to touch it anyway
        assertRefused(Code.NOT_PERMITTED, () -> world.manageStaff.disable(formerAdmin, OTHER_SECURITY.username()));
        assertEquals(1, store.countActiveSecurityAdministrators());
    }

    @Test
    void disablingEndsSessionsAndLoginsUntilReEnabled() {
        long opened = world.checkStaffSession.currentGeneration(OPERATOR);
        world.manageStaff.disable(SECURITY, OPERATOR.username());

        assertEquals(Optional.of(SessionEnd.DISABLED), world.checkStaffSession.check(OPERATOR, opened).end());
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn(OPERATOR.username(), passwordOf(OPERATOR).toCharArray()));
        assertTrue(store.audit("STAFF_LOGIN").getLast().detail().contains("disabled"));
        assertRefused(Code.STAFF_ACCOUNT_UNCHANGED, () -> world.manageStaff.disable(SECURITY, OPERATOR.username()));

        world.manageStaff.enable(SECURITY, OPERATOR.username());
        assertEquals(OPERATOR, world.staffLogin.logIn(OPERATOR.username(), passwordOf(OPERATOR).toCharArray()));
        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), world.checkStaffSession.check(OPERATOR, opened).end(),
                "a session from before the disabling does not come back");
        assertEquals("staff:sato", store.audit("STAFF_ENABLED").getLast().actor());
        assertEquals(1, store.audit("STAFF_DISABLED").stream().filter(e -> e.outcome().equals(AuditEvent.SUCCESS)).count());
    }

    @Test
    void unlockEndsALockOutAtOnce() {
        for (int i = 0; i < TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn(AUDITOR.username(), "wrong-password".toCharArray()));
        }
        assertTrue(store.staff(AUDITOR.username()).lockedAt(world.clock.instant()));
        assertEquals(List.of(new StaffMember(AUDITOR.username(), StaffRole.AUDITOR, false, true, false)),
                world.manageStaff.list(SECURITY).stream().filter(m -> m.username().equals(AUDITOR.username())).toList());

        world.manageStaff.unlock(SECURITY, AUDITOR.username());

        assertEquals(AUDITOR, world.staffLogin.logIn(AUDITOR.username(), passwordOf(AUDITOR).toCharArray()));
        assertRefused(Code.STAFF_ACCOUNT_UNCHANGED, () -> world.manageStaff.unlock(SECURITY, AUDITOR.username()));
        assertRefused(Code.UNKNOWN_STAFF_ACCOUNT, () -> world.manageStaff.unlock(SECURITY, "nobody"));
    }

    @Test
    void aPasswordResetEndsSessionsAndTheNewOneMustBeChanged() {
        long opened = world.checkStaffSession.currentGeneration(OPERATOR);
        BootstrapCredential reset = world.manageStaff.resetPassword(SECURITY, OPERATOR.username());

        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), world.checkStaffSession.check(OPERATOR, opened).end());
        assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn(OPERATOR.username(), passwordOf(OPERATOR).toCharArray()));
        world.staffLogin.logIn(OPERATOR.username(), reset.password().toCharArray());
        assertTrue(world.checkStaffSession.check(OPERATOR, world.checkStaffSession.currentGeneration(OPERATOR)).passwordChangeFirst());
        assertEquals("staff:sato", store.audit("STAFF_PASSWORD_RESET").getLast().actor());
    }

    @Test
    void aRoleChangeEndsTheSessionsOfTheOldRole() {
        world.manageStaff.changeRole(SECURITY, OPERATOR.username(), StaffRole.AUDITOR);

        assertEquals(Optional.of(SessionEnd.ROLE_CHANGED), world.checkStaffSession.check(OPERATOR, world.checkStaffSession.currentGeneration(OPERATOR)).end());
        assertEquals("OPERATOR -> AUDITOR", store.audit("STAFF_ROLE_CHANGED").getLast().detail());
    }

    // ---- the own password ----

    @Test
    void changingTheOwnPasswordEndsTheOtherSessions() {
        long other = world.checkStaffSession.currentGeneration(OPERATOR);

        world.changeStaffPassword.change(OPERATOR, passwordOf(OPERATOR).toCharArray(), "Sakura-no-hana-9".toCharArray());

        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), world.checkStaffSession.check(OPERATOR, other).end());
        assertEquals(StaffSessionCheck.GOES_ON, world.checkStaffSession.check(OPERATOR, world.checkStaffSession.currentGeneration(OPERATOR)));
        assertEquals(OPERATOR, world.staffLogin.logIn(OPERATOR.username(), "Sakura-no-hana-9".toCharArray()));
        assertEquals(AuditEvent.SUCCESS, store.audit("STAFF_PASSWORD_CHANGED").getLast().outcome());
    }

    @Test
    void aNewPasswordFollowsTheRuleAndIsNoneOfTheLastFive() {
        String current = passwordOf(OPERATOR);
        assertRefused(Code.PASSWORD_TOO_SHORT, () -> world.changeStaffPassword.change(OPERATOR, current.toCharArray(), "short".toCharArray()));
        assertRefused(Code.PASSWORD_CONTAINS_NAME, () -> world.changeStaffPassword.change(OPERATOR, current.toCharArray(),
                ("x-" + OPERATOR.username().toUpperCase() + "-2026").toCharArray()));
        String previous = current;
        for (int i = 1; i <= 5; i++) {
            String next = "Passphrase-number-" + i;
            world.changeStaffPassword.change(OPERATOR, previous.toCharArray(), next.toCharArray());
            previous = next;
        }
        // the last five: number-5 (the current one) back to number-1
        for (String used : List.of("Passphrase-number-5", "Passphrase-number-1")) {
            assertRefused(Code.PASSWORD_RECENTLY_USED, () -> world.changeStaffPassword.change(OPERATOR,
                    "Passphrase-number-5".toCharArray(), used.toCharArray()));
        }
        assertTrue(world.hasher.matches("Passphrase-number-5".toCharArray(), store.staff(OPERATOR.username()).passwordHash()));
        world.changeStaffPassword.change(OPERATOR, "Passphrase-number-5".toCharArray(), "Passphrase-number-6".toCharArray());
        world.changeStaffPassword.change(OPERATOR, "Passphrase-number-6".toCharArray(), "Passphrase-number-1".toCharArray());
        assertEquals(OPERATOR, world.staffLogin.logIn(OPERATOR.username(), "Passphrase-number-1".toCharArray()),
                "six passwords later it may be chosen again");
        assertEquals(4, store.audit("STAFF_PASSWORD_CHANGED").stream().filter(e -> e.outcome().equals(AuditEvent.REFUSED)).count());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsTowardsTheLockOut() {
        for (int i = 1; i <= TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CURRENT_PASSWORD, () -> world.changeStaffPassword.change(OPERATOR,
                    "not-the-password".toCharArray(), "Sakura-no-hana-9".toCharArray()));
        }
        assertTrue(store.staff(OPERATOR.username()).lockedAt(world.clock.instant()));
        assertTrue(world.hasher.matches(passwordOf(OPERATOR).toCharArray(), store.staff(OPERATOR.username()).passwordHash()));
    }
}
