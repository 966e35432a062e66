package certrenewal.domain.administration;

import static certrenewal.domain.administration.AdministrativeAction.CHANGE_CONTACT;
import static certrenewal.domain.administration.AdministrativeAction.ISSUE_CERTIFICATE;
import static certrenewal.domain.administration.AdministrativeAction.READ_AUDIT_TRAIL;
import static certrenewal.domain.administration.AdministrativeAction.REISSUE_CERTIFICATE;
import static certrenewal.domain.administration.AdministrativeAction.REVOKE_CERTIFICATE;
import static certrenewal.domain.administration.AdministrativeAction.SEARCH;
import static certrenewal.domain.administration.AdministrativeAction.VERIFY_AUDIT_TRAIL;
import static certrenewal.domain.administration.AdministrativeAction.VIEW_DASHBOARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AdministrationPolicyTest {
    private static final ContractNumber OWN = new ContractNumber("C0001");
    private static final ContractNumber OTHER = new ContractNumber("C0002");
    private static final LoginId ADMIN_ID = new LoginId("admin-1");

    private static final Actor.CustomerAdministrator CUSTOMER = new Actor.CustomerAdministrator(ADMIN_ID, OWN);
    private static final Actor.Staff OPERATOR = new Actor.Staff("tanaka", StaffRole.OPERATOR);
    private static final Actor.Staff AUDITOR = new Actor.Staff("suzuki", StaffRole.AUDITOR);
    private static final Actor.Staff SECURITY_ADMIN = new Actor.Staff("sato", StaffRole.SECURITY_ADMIN);
    private static final Actor.SystemTask SYSTEM = new Actor.SystemTask("start-up");

    private static final LoginAccount OWN_USER = LoginAccount.register(new LoginId("user-1"), OWN, IdKind.USER);
    private static final LoginAccount OWN_ADMIN = LoginAccount.register(ADMIN_ID, OWN, IdKind.ADMINISTRATOR);
    private static final LoginAccount OTHER_USER = LoginAccount.register(new LoginId("user-2"), OTHER, IdKind.USER);
    private static final LoginAccount OTHER_ADMIN = LoginAccount.register(new LoginId("admin-2"), OTHER, IdKind.ADMINISTRATOR);

    // ---- the customer's administrator ----

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void customerAdministratorManagesTheUserIdsOfItsOwnContract(AdministrativeAction action) {
        assertAllowed(CUSTOMER, action, null, OWN_USER);
        assertAllowed(CUSTOMER, action, OWN, OWN_USER);
        LoginAccount lockedUser = new LoginAccount(OWN_USER.id(), OWN, IdKind.USER, AccountStatus.LOCKED, 6, null, 3);
        assertAllowed(CUSTOMER, action, null, lockedUser);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void customerAdministratorLeavesAdministratorIdsIncludingItsOwnToTheBank(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, null, OWN_ADMIN);
        assertRefused(CUSTOMER, action, OWN, OWN_ADMIN);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void customerAdministratorCannotTouchTheIdsOfAnotherContract(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, null, OTHER_USER);
        assertRefused(CUSTOMER, action, null, OTHER_ADMIN);
        assertRefused(CUSTOMER, action, OTHER, OTHER_USER);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void namingItsOwnContractDoesNotLetACustomerAdministratorReachAnotherContractsId(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, OWN, OTHER_USER);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void anOwnUserIdNamedUnderAnotherContractIsRefused(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, OTHER, OWN_USER);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "REVOKE_CERTIFICATE", "UNLOCK_ID", "CHANGE_CONTACT"})
    void customerAdministratorNeedsATargetIdToReissueRevokeOrUnlock(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, OWN, null);
        assertRefused(CUSTOMER, action, null, null);
    }

    @ParameterizedTest
    @EnumSource(names = {"LIST_CONTRACT_IDS", "REGISTER_USER_ID"})
    void customerAdministratorListsAndRegistersIdsOfItsOwnContractOnly(AdministrativeAction action) {
        assertAllowed(CUSTOMER, action, OWN, null);
        assertRefused(CUSTOMER, action, OTHER, null);
    }

    @ParameterizedTest
    @EnumSource(names = {"REGISTER_CONTRACT", "VIEW_DASHBOARD", "SEARCH", "READ_AUDIT_TRAIL", "VERIFY_AUDIT_TRAIL"})
    void customerAdministratorHasNoneOfTheBanksConsoleRights(AdministrativeAction action) {
        assertRefused(CUSTOMER, action, OWN, null);
        assertRefused(CUSTOMER, action, null, null);
    }

    // ---- the bank's operators ----

    @ParameterizedTest
    @EnumSource(names = {"REGISTER_CONTRACT", "VIEW_DASHBOARD", "SEARCH", "LIST_CONTRACT_IDS"})
    void operatorOpensContractsAndLooksUpAnything(AdministrativeAction action) {
        assertAllowed(OPERATOR, action, null, null);
        assertAllowed(OPERATOR, action, OWN, null);
        assertAllowed(OPERATOR, action, OTHER, null);
    }

    @ParameterizedTest
    @MethodSource("everyTarget")
    void operatorRevokesAnyCertificateOnRequest(LoginAccount target) {
        assertAllowed(OPERATOR, REVOKE_CERTIFICATE, null, target);
    }

    @ParameterizedTest
    @EnumSource(names = {"REISSUE_CERTIFICATE", "UNLOCK_ID"})
    void operatorReissuesAndUnlocksAdministratorIdsButLeavesUserIdsToTheirAdministrator(AdministrativeAction action) {
        assertAllowed(OPERATOR, action, null, OWN_ADMIN);
        assertAllowed(OPERATOR, action, null, OTHER_ADMIN);
        assertRefused(OPERATOR, action, null, OWN_USER);
        assertRefused(OPERATOR, action, null, OTHER_USER);
        assertRefused(OPERATOR, action, null, null);
    }

    @ParameterizedTest
    @MethodSource("everyTarget")
    void operatorChangesAnyIdsContactAddress(LoginAccount target) {
        assertAllowed(OPERATOR, CHANGE_CONTACT, null, target);
        assertRefused(OPERATOR, CHANGE_CONTACT, null, null);
    }

    @ParameterizedTest
    @EnumSource(names = {"REGISTER_USER_ID", "READ_AUDIT_TRAIL", "VERIFY_AUDIT_TRAIL"})
    void operatorNeitherRegistersUserIdsNorReadsTheAuditTrail(AdministrativeAction action) {
        assertRefused(OPERATOR, action, null, null);
        assertRefused(OPERATOR, action, OWN, null);
    }

    @ParameterizedTest
    @MethodSource("everyTarget")
    void onlyTheSystemDeliversAFirstCertificateWithoutPickup(LoginAccount target) {
        assertRefused(CUSTOMER, ISSUE_CERTIFICATE, OWN, target);
        assertRefused(OPERATOR, ISSUE_CERTIFICATE, null, target);
        assertRefused(AUDITOR, ISSUE_CERTIFICATE, null, target);
        assertAllowed(SYSTEM, ISSUE_CERTIFICATE, null, target);
    }

    // ---- auditors and the system ----

    @ParameterizedTest
    @EnumSource(AdministrativeAction.class)
    void auditorOnlyReadsAndVerifiesTheAuditTrailAndSeesTheDashboard(AdministrativeAction action) {
        boolean auditorsOwn = action == READ_AUDIT_TRAIL || action == VERIFY_AUDIT_TRAIL || action == VIEW_DASHBOARD;
        for (LoginAccount target : targetsOrNone()) {
            assertEquals(auditorsOwn, allowed(AUDITOR, action, null, target), action + " on " + target);
        }
    }

    @ParameterizedTest
    @EnumSource(AdministrativeAction.class)
    void securityAdministratorManagesStaffAndDoesNoCertificateWork(AdministrativeAction action) {
        for (LoginAccount target : targetsOrNone()) {
            assertEquals(action == AdministrativeAction.MANAGE_STAFF, allowed(SECURITY_ADMIN, action, null, target),
                    action + " on " + target);
        }
    }

    @Test
    void onlySecurityAdministratorsManageStaff() {
        assertRefused(OPERATOR, AdministrativeAction.MANAGE_STAFF, null, null);
        assertRefused(AUDITOR, AdministrativeAction.MANAGE_STAFF, null, null);
        assertRefused(CUSTOMER, AdministrativeAction.MANAGE_STAFF, OWN, null);
    }

    @ParameterizedTest
    @EnumSource(AdministrativeAction.class)
    void systemTasksMayDoEverything(AdministrativeAction action) {
        for (LoginAccount target : targetsOrNone()) {
            assertAllowed(SYSTEM, action, null, target);
        }
    }

    // ---- the answer itself ----

    @Test
    void refusalSaysNotPermitted() {
        Optional<Rejection> refusal = AdministrationPolicy.check(AUDITOR, SEARCH, null, null);

        assertEquals(Optional.of(Code.NOT_PERMITTED), refusal.map(Rejection::code));
    }

    @Test
    void everyActionIsDecidedForEveryActor() {
        // a new action or role must be placed in the policy: none may fall through to an exception
        for (Actor actor : new Actor[] {CUSTOMER, OPERATOR, AUDITOR, SECURITY_ADMIN, SYSTEM}) {
            for (AdministrativeAction action : AdministrativeAction.values()) {
                for (LoginAccount target : targetsOrNone()) {
                    AdministrationPolicy.check(actor, action, OWN, target == null ? null : TargetId.of(target));
                }
            }
        }
        assertEquals(13, AdministrativeAction.values().length, "a new action needs its rows in these tests");
    }

    @Test
    void actorAndActionAreRequired() {
        assertThrows(NullPointerException.class, () -> AdministrationPolicy.check(null, SEARCH, null, null));
        assertThrows(NullPointerException.class, () -> AdministrationPolicy.check(OPERATOR, null, null, null));
    }

    @Test
    void actorsNameThemselvesForTheAuditTrail() {
        assertEquals("admin-1", CUSTOMER.auditName());
        assertEquals("staff:tanaka", OPERATOR.auditName());
        assertEquals("system:start-up", SYSTEM.auditName());
    }

    static Stream<LoginAccount> everyTarget() {
        return Stream.of(OWN_USER, OWN_ADMIN, OTHER_USER, OTHER_ADMIN);
    }

    private static LoginAccount[] targetsOrNone() {
        LoginAccount[] targets = Arrays.copyOf(everyTarget().toArray(LoginAccount[]::new), 5);
        targets[4] = null;
        return targets;
    }

    private static boolean allowed(Actor actor, AdministrativeAction action, ContractNumber contract, LoginAccount target) {
        return AdministrationPolicy.check(actor, action, contract, target == null ? null : TargetId.of(target)).isEmpty();
    }

    private static void assertAllowed(Actor actor, AdministrativeAction action, ContractNumber contract, LoginAccount target) {
        assertEquals(Optional.empty(), AdministrationPolicy.check(actor, action, contract, target == null ? null : TargetId.of(target)),
                actor + " " + action + " contract " + contract + " target " + target);
    }

    private static void assertRefused(Actor actor, AdministrativeAction action, ContractNumber contract, LoginAccount target) {
        assertEquals(Optional.of(Code.NOT_PERMITTED), AdministrationPolicy.check(actor, action, contract, target == null ? null : TargetId.of(target))
                .map(Rejection::code), actor + " " + action + " contract " + contract + " target " + target);
    }
}
