package certrenewal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import org.junit.jupiter.api.Test;

class PasswordStateTest {
    private static final Actor ADMINISTRATOR = new Actor.CustomerAdministrator(new LoginId("admin01"), new ContractNumber("0000001"));

    @Test
    void aPasswordChosenByAnAdministratorOrTheBankMustBeChangedByItsHolder() {
        assertTrue(PasswordState.INITIAL.handedOutBy(ADMINISTRATOR).changeRequired());
        assertTrue(PasswordState.INITIAL.handedOutBy(new Actor.Staff("operator", StaffRole.OPERATOR)).changeRequired());
        assertEquals(3, new PasswordState(false, 3).handedOutBy(ADMINISTRATOR).epoch(), "handing out ends no session");
    }

    @Test
    void theSystemsOwnTasksForceNoChange() {
        assertFalse(PasswordState.INITIAL.handedOutBy(new Actor.SystemTask("demo")).changeRequired());
    }

    @Test
    void theHoldersChangeLiftsTheRequirementAndStartsANewEpoch() {
        PasswordState changed = PasswordState.INITIAL.handedOutBy(ADMINISTRATOR).changedByHolder();

        assertFalse(changed.changeRequired());
        assertEquals(1, changed.epoch());
        assertEquals(2, changed.changedByHolder().epoch());
        assertThrows(IllegalArgumentException.class, () -> new PasswordState(false, -1));
    }

    @Test
    void aRequiredChangeComesBeforeTheRenewalOfAnExpiredCertificate() {
        PasswordState required = PasswordState.INITIAL.handedOutBy(ADMINISTRATOR);

        assertEquals(AccessScope.PASSWORD_CHANGE, AccessScope.of(required, true));
        assertEquals(AccessScope.PASSWORD_CHANGE, AccessScope.of(required, false));
        assertEquals(AccessScope.RENEWAL_AFTER_EXPIRY, AccessScope.of(PasswordState.INITIAL, true));
        assertEquals(AccessScope.FULL, AccessScope.of(PasswordState.INITIAL, false));
    }
}
