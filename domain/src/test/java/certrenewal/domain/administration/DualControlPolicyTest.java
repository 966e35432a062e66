package certrenewal.domain.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DualControlPolicyTest {
    private static final Actor.Staff OPERATOR = new Actor.Staff("tanaka", StaffRole.OPERATOR);

    @Test
    void coversAStaffMembersConfiguredActionOnAnAdministratorIdOnly() {
        DualControlPolicy policy = new DualControlPolicy(EnumSet.of(DualControlAction.REVOKE_ADMINISTRATOR_CERTIFICATE,
                DualControlAction.REGISTER_CONTRACT));

        assertEquals(Optional.of(DualControlAction.REVOKE_ADMINISTRATOR_CERTIFICATE),
                policy.covering(OPERATOR, AdministrativeAction.REVOKE_CERTIFICATE, IdKind.ADMINISTRATOR));
        assertEquals(Optional.of(DualControlAction.REGISTER_CONTRACT),
                policy.covering(OPERATOR, AdministrativeAction.REGISTER_CONTRACT, IdKind.ADMINISTRATOR));
        assertEquals(Optional.empty(), policy.covering(OPERATOR, AdministrativeAction.REVOKE_CERTIFICATE, IdKind.USER),
                "a user ID's certificate is revoked at once");
        assertEquals(Optional.empty(), policy.covering(OPERATOR, AdministrativeAction.UNLOCK_ID, IdKind.ADMINISTRATOR),
                "not configured");
        Actor customerAdministrator = new Actor.CustomerAdministrator(new LoginId("admin01"), new ContractNumber("C0001"));
        assertEquals(Optional.empty(), policy.covering(customerAdministrator, AdministrativeAction.REVOKE_CERTIFICATE,
                IdKind.ADMINISTRATOR), "the customer's own administrators are not the bank's four eyes");
        assertEquals(Optional.empty(), DualControlPolicy.off().covering(OPERATOR, AdministrativeAction.REVOKE_CERTIFICATE,
                IdKind.ADMINISTRATOR));
    }
}
