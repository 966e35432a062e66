package certrenewal.domain.administration;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import java.util.Objects;
import java.util.Optional;

/**
 * Least privilege per role. A customer's administrator manages the user IDs of its own contract
 * (list, register, re-issue, revoke, unlock, change their contact addresses); the bank's operators
 * handle what the customer cannot do alone (contracts, administrator IDs' re-issue and unlock,
 * revocation of any certificate, any ID's contact address, look-ups); auditors only read and verify the audit trail and the dashboard's figures; security
 * administrators manage the staff accounts and do no certificate work; only the
 * system itself delivers a first certificate without a pickup. Nobody else administers anything.
 */
public final class AdministrationPolicy {
    private AdministrationPolicy() {
    }

    /** Why {@code actor} may not do {@code action}, which concerns no particular contract or ID; empty when it may. */
    public static Optional<Rejection> check(Actor actor, AdministrativeAction action) {
        return check(actor, action, null, null);
    }

    /**
     * Why {@code actor} may not do {@code action}, or empty when it may.
     *
     * @param contract the contract acted on, when the action concerns one (else null)
     * @param target the login ID acted on, when the action concerns one (else null)
     */
    public static Optional<Rejection> check(Actor actor, AdministrativeAction action,
                                            ContractNumber contract, TargetId target) {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(action, "action must not be null");
        boolean allowed = switch (actor) {
            case Actor.CustomerAdministrator admin -> customerAdministratorMay(admin, action, contract, target);
            case Actor.Staff staff -> staffMay(staff, action, target == null ? null : target.kind());
            case Actor.SystemTask system -> true;
        };
        return allowed ? Optional.empty() : Optional.of(Rejection.of(Code.NOT_PERMITTED));
    }

    /**
     * Why {@code staff} may not do {@code action} to an administrator ID of any contract (or, for a contract's
     * registration, to a contract), or empty when it may: the question of the dual-control actions, all of which
     * concern administrator IDs or contracts, asked again when a request is decided.
     */
    public static Optional<Rejection> checkOnAdministratorId(Actor.Staff staff, AdministrativeAction action) {
        Objects.requireNonNull(staff, "staff must not be null");
        Objects.requireNonNull(action, "action must not be null");
        return staffMay(staff, action, IdKind.ADMINISTRATOR) ? Optional.empty()
                : Optional.of(Rejection.of(Code.NOT_PERMITTED));
    }

    /** @param targetKind the kind of the login ID acted on, when the action concerns one (else null) */
    private static boolean staffMay(Actor.Staff staff, AdministrativeAction action, IdKind targetKind) {
        return switch (staff.role()) {
            case OPERATOR -> operatorMay(action, targetKind);
            case AUDITOR -> action == AdministrativeAction.READ_AUDIT_TRAIL
                    || action == AdministrativeAction.VERIFY_AUDIT_TRAIL
                    || action == AdministrativeAction.VIEW_DASHBOARD;
            case SECURITY_ADMIN -> action == AdministrativeAction.MANAGE_STAFF;
        };
    }

    private static boolean customerAdministratorMay(Actor.CustomerAdministrator admin, AdministrativeAction action,
                                                    ContractNumber contract, TargetId target) {
        boolean ownContract = (contract == null || contract.equals(admin.contract()))
                && (target == null || target.contract().equals(admin.contract()));
        boolean userTarget = target != null && target.kind() == IdKind.USER;
        return ownContract && switch (action) {
            case LIST_CONTRACT_IDS, REGISTER_USER_ID -> true;
            case REISSUE_CERTIFICATE, REVOKE_CERTIFICATE, UNLOCK_ID, CHANGE_CONTACT -> userTarget;
            default -> false;
        };
    }

    private static boolean operatorMay(AdministrativeAction action, IdKind targetKind) {
        return switch (action) {
            case REGISTER_CONTRACT, REVOKE_CERTIFICATE, VIEW_DASHBOARD, SEARCH, LIST_CONTRACT_IDS -> true;
            // a user ID's re-issue and unlock are its own administrator's; the bank does the administrators'
            case REISSUE_CERTIFICATE, UNLOCK_ID -> targetKind == IdKind.ADMINISTRATOR;
            // any ID's contact address, on the customer's written request (an administrator's has no one else to change it)
            case CHANGE_CONTACT -> targetKind != null;
            default -> false;
        };
    }
}
