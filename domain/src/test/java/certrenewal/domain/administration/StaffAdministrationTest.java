package certrenewal.domain.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaffAdministrationTest {
    private static final Instant NOW = Instant.parse("2026-12-02T03:04:05.678901Z");
    private static final Actor.Staff SATO = new Actor.Staff("sato", StaffRole.SECURITY_ADMIN);
    private static final StaffAccount OPERATOR = StaffAccount.create("tanaka", StaffRole.OPERATOR, "hash");
    private static final StaffAccount OTHER_ADMIN = StaffAccount.create("kato", StaffRole.SECURITY_ADMIN, "hash");
    private static final StaffAccount OWN = StaffAccount.create("sato", StaffRole.SECURITY_ADMIN, "hash");

    @ParameterizedTest
    @EnumSource(StaffChange.class)
    void onlySecurityAdministratorsChangeStaffAccounts(StaffChange change) {
        StaffAccount target = change == StaffChange.ENABLE ? OPERATOR.disable()
                : change == StaffChange.UNLOCK ? locked(OPERATOR) : OPERATOR;
        assertEquals(Optional.empty(), check(SATO, change, target, StaffRole.AUDITOR, 2));
        for (StaffRole role : new StaffRole[] {StaffRole.OPERATOR, StaffRole.AUDITOR}) {
            assertEquals(Optional.of(Code.NOT_PERMITTED), check(new Actor.Staff("x", role), change, target, StaffRole.AUDITOR, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(StaffChange.class)
    void nobodyManagesTheirOwnAccount(StaffChange change) {
        assertEquals(Optional.of(Code.OWN_STAFF_ACCOUNT), check(SATO, change, OWN, StaffRole.OPERATOR, 5));
    }

    @Test
    void theLastActiveSecurityAdministratorCannotBeDisabledOrLoseTheRole() {
        assertEquals(Optional.of(Code.LAST_SECURITY_ADMINISTRATOR), check(SATO, StaffChange.DISABLE, OTHER_ADMIN, null, 1));
        assertEquals(Optional.of(Code.LAST_SECURITY_ADMINISTRATOR),
                check(SATO, StaffChange.CHANGE_ROLE, OTHER_ADMIN, StaffRole.OPERATOR, 1));
        assertEquals(Optional.empty(), check(SATO, StaffChange.DISABLE, OTHER_ADMIN, null, 2));
        // a disabled security administrator is not the last active one
        assertEquals(Optional.empty(), check(SATO, StaffChange.CHANGE_ROLE, OTHER_ADMIN.disable(), StaffRole.OPERATOR, 1));
    }

    @Test
    void theSetUpCommandMayCreateTheFirstSecurityAdministrator() {
        assertEquals(Optional.empty(), check(new Actor.SystemTask("staff-create"), StaffChange.CREATE, OWN, null, 0));
    }

    @Test
    void aChangeThatChangesNothingIsRefused() {
        assertEquals(Optional.of(Code.STAFF_ACCOUNT_UNCHANGED), check(SATO, StaffChange.ENABLE, OPERATOR, null, 2));
        assertEquals(Optional.of(Code.STAFF_ACCOUNT_UNCHANGED), check(SATO, StaffChange.DISABLE, OPERATOR.disable(), null, 2));
        assertEquals(Optional.of(Code.STAFF_ACCOUNT_UNCHANGED), check(SATO, StaffChange.UNLOCK, OPERATOR, null, 2));
        assertEquals(Optional.of(Code.STAFF_ACCOUNT_UNCHANGED), check(SATO, StaffChange.CHANGE_ROLE, OPERATOR, StaffRole.OPERATOR, 2));
    }

    @Test
    void aPasswordResetUnlocksAndMustBeChangedAndEndsEarlierSessions() {
        StaffAccount reset = locked(OPERATOR).withPasswordReset("new");
        assertFalse(reset.lockedAt(NOW));
        assertTrue(reset.mustChangePassword());
        assertTrue(reset.sessionEndedBy(OPERATOR.sessionGeneration()));
        assertFalse(reset.sessionEndedBy(reset.sessionGeneration()), "a session opened after the reset goes on");
        StaffAccount chosen = reset.withPasswordChosen("mine");
        assertFalse(chosen.mustChangePassword());
        assertTrue(chosen.sessionEndedBy(reset.sessionGeneration()));
        assertFalse(chosen.sessionEndedBy(chosen.sessionGeneration()));
    }

    @Test
    void disablingAndChangingTheRoleEndSessionsButUnlockingAndEnablingDoNot() {
        long before = OPERATOR.sessionGeneration();
        assertTrue(OPERATOR.disable().sessionEndedBy(before));
        assertTrue(OPERATOR.withRole(StaffRole.AUDITOR).sessionEndedBy(before));
        assertFalse(OPERATOR.sessionEndedBy(before));
        assertFalse(locked(OPERATOR).unlocked().sessionEndedBy(before));
        StaffAccount disabled = OPERATOR.disable();
        assertFalse(disabled.enabled().disabled());
        assertFalse(disabled.enabled().sessionEndedBy(disabled.sessionGeneration()));
    }

    @Test
    void accountsCreatedBySomeoneElseMustChangeTheirPassword() {
        assertTrue(StaffAccount.createWithOneTimePassword("suzuki", StaffRole.AUDITOR, "h").mustChangePassword());
        assertFalse(StaffAccount.create("suzuki", StaffRole.AUDITOR, "h").mustChangePassword());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Tanaka", "ta naka", "-tanaka", "staff:x", "田中"})
    void aStaffUsernameIsShortLowerCaseAscii(String name) {
        assertFalse(StaffAccount.isValidUsername(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"op", "tanaka.taro", "sec_admin-2"})
    void usualStaffUsernamesAreValid(String name) {
        assertTrue(StaffAccount.isValidUsername(name));
    }

    private static StaffAccount locked(StaffAccount account) {
        StaffLockout lockout = new StaffLockout(1, Duration.ofMinutes(15), Duration.ofHours(1));
        return account.withFailedPassword(lockout, NOW);
    }

    private static Optional<Code> check(Actor actor, StaffChange change, StaffAccount target, StaffRole newRole, long admins) {
        return StaffAdministration.check(actor, change, target, newRole, admins, NOW).map(Rejection::code);
    }
}
