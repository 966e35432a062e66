package certrenewal.domain.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.ApprovalRequest.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalRequestTest {
    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Actor.Staff A = new Actor.Staff("operator-a", StaffRole.OPERATOR);
    private static final Actor.Staff B = new Actor.Staff("operator-b", StaffRole.OPERATOR);

    private static ApprovalRequest revocation() {
        return ApprovalRequest.request(A, DualControlAction.REVOKE_ADMINISTRATOR_CERTIFICATE, "demo-admin",
                Map.of("reason", "KEY_COMPROMISE"), "customer called: PC stolen", NOW, DAY);
    }

    @Test
    void anotherOperatorApprovesWithinTheDeadlineAndBothNamesAreRecorded() {
        ApprovalRequest approved = revocation().approved(B, NOW.plus(DAY).minusSeconds(1));

        assertEquals(State.APPROVED, approved.state());
        assertEquals("operator-b", approved.decidedBy());
        assertTrue(approved.auditDetail().contains("requested by staff:operator-a"));
        assertTrue(approved.auditDetail().contains("approved by staff:operator-b"));
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        assertEquals(Optional.of(Code.OWN_APPROVAL), refused(revocation(), A, NOW));
        assertThrows(IllegalStateException.class, () -> revocation().approved(A, NOW));
        assertThrows(IllegalStateException.class, () -> revocation().rejected(A, NOW, "no"));
    }

    @ParameterizedTest
    @EnumSource(names = {"AUDITOR", "SECURITY_ADMIN"})
    void onlyRolesThatMayDoTheActionDecideIt(StaffRole role) {
        assertEquals(Optional.of(Code.NOT_PERMITTED), refused(revocation(), new Actor.Staff("x", role), NOW));
    }

    @ParameterizedTest
    @EnumSource(DualControlAction.class)
    void anotherOperatorMayDecideEveryDualControlActionAndOtherRolesNone(DualControlAction action) {
        ApprovalRequest request = ApprovalRequest.request(A, action, "demo-admin", Map.of(), "asked by the customer",
                NOW, DAY);
        assertEquals(Optional.empty(), refused(request, B, NOW), "re-issue and unlock concern administrator IDs");
        assertEquals(State.APPROVED, request.approved(B, NOW).state());
        for (StaffRole role : new StaffRole[] {StaffRole.AUDITOR, StaffRole.SECURITY_ADMIN}) {
            assertEquals(Optional.of(Code.NOT_PERMITTED), refused(request, new Actor.Staff("x", role), NOW));
        }
    }

    @Test
    void aRequestExpiresByTheClockAtItsDeadline() {
        ApprovalRequest request = revocation();
        assertEquals(State.PENDING, request.stateAt(NOW.plus(DAY).minusMillis(1)));
        assertEquals(State.EXPIRED, request.stateAt(NOW.plus(DAY)));
        assertEquals(Optional.of(Code.APPROVAL_EXPIRED), refused(request, B, NOW.plus(DAY)));
    }

    @Test
    void aDecidedRequestIsNotDecidedAgain() {
        ApprovalRequest rejected = revocation().rejected(B, NOW, "not verified with the customer");
        assertEquals(State.REJECTED, rejected.stateAt(NOW.plus(DAY.multipliedBy(2))), "a decision does not expire");
        assertEquals(Optional.of(Code.APPROVAL_DECIDED), refused(rejected, new Actor.Staff("operator-c", StaffRole.OPERATOR), NOW));
        assertEquals(State.FAILED, revocation().failed(B, NOW, "NO_CERTIFICATE").state());
    }

    @Test
    void aRequestNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> ApprovalRequest.request(A,
                DualControlAction.UNLOCK_ADMINISTRATOR_ID, "demo-admin", Map.of(), "  ", NOW, DAY));
        assertThrows(IllegalArgumentException.class, () -> ApprovalRequest.request(A,
                DualControlAction.UNLOCK_ADMINISTRATOR_ID, "demo-admin", Map.of(), "x".repeat(501), NOW, DAY));
    }

    private static Optional<Code> refused(ApprovalRequest request, Actor.Staff staff, Instant at) {
        return request.decisionRefused(staff, at).map(Rejection::code);
    }
}
