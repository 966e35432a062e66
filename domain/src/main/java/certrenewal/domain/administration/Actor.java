package certrenewal.domain.administration;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import java.util.Objects;

/** Who asks for an administrative action: a customer's administrator ID, a bank staff account, or the system itself. */
public sealed interface Actor {

    /** The name recorded in the audit trail. */
    String auditName();

    /** A 管理者ID acting in the customer web, only ever on its own contract. */
    record CustomerAdministrator(LoginId loginId, ContractNumber contract) implements Actor {
        public CustomerAdministrator {
            Objects.requireNonNull(loginId, "login ID must not be null");
            Objects.requireNonNull(contract, "contract must not be null");
        }

        @Override
        public String auditName() {
            return loginId.value();
        }
    }

    /** A bank employee in the console. */
    record Staff(String username, StaffRole role) implements Actor {
        public Staff {
            Objects.requireNonNull(username, "username must not be null");
            Objects.requireNonNull(role, "role must not be null");
        }

        @Override
        public String auditName() {
            return "staff:" + username;
        }
    }

    /** Start-up tasks and schedules. */
    record SystemTask(String task) implements Actor {
        @Override
        public String auditName() {
            return "system:" + task;
        }
    }
}
