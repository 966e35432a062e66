package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsoleIds.ADMIN;
import static certrenewal.adapters.web.console.ConsoleIds.LOCKED_ADMIN;
import static certrenewal.adapters.web.console.ConsoleIds.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.console.DecideApprovalUseCase;
import certrenewal.application.port.in.console.ListApprovalRequestsUseCase.Item;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dual control in the console: forms that request instead of running, and the approvals page. */
class ApprovalsControllerTest extends WebTest {
    private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");
    private static final Actor.Staff OTHER = new Actor.Staff("requester-b", StaffRole.OPERATOR);

    private static ApprovalRequest request(long id, Actor.Staff by) {
        ApprovalRequest r = ApprovalRequest.request(by, DualControlAction.UNLOCK_ADMINISTRATOR_ID, "login-id:locked-admin",
                Map.of(RequestApprovalCommand.LOGIN_ID, "locked-admin"), "customer called", AT, Duration.ofHours(24));
        return new ApprovalRequest(id, r.action(), r.target(), r.command(), r.requester(), r.reason(), r.requestedAt(),
                r.deadline(), r.state(), null, null, null);
    }

    @BeforeEach
    void theRecords() {
        fakes.loginIdDetails.answers(ConsoleIds.detailsOf(ADMIN, LOCKED_ADMIN));
    }

    @Test
    void underDualControlTheUnlockFormAsksForAReasonAndRequestsInsteadOfUnlocking() {
        fakes.dualControlled.add(DualControlAction.UNLOCK_ADMINISTRATOR_ID);
        fakes.requestApproval.returns(request(7, OPERATOR));
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply form = browser.get("/console/ids/locked-admin/unlock");
        assertTrue(form.body().contains("name=\"approvalReason\""), form.body());
        assertTrue(form.text().contains("承認を申請"), form.text());

        Reply withoutReason = browser.post("/console/ids/locked-admin/unlock", "_csrf", browser.csrf(),
                "password", "Staff-Pass-1");
        assertEquals(400, withoutReason.status());
        assertEquals("理由を1～500文字で入力してください。", withoutReason.alert());
        assertFalse(fakes.requestApproval.called());

        Reply requested = browser.post("/console/ids/locked-admin/unlock", "_csrf", browser.csrf(),
                "password", "Staff-Pass-1", "approvalReason", "customer called");

        assertEquals("/console/approvals?done=requested#request-7", requested.location());
        RequestApprovalCommand command = fakes.requestApproval.onlyCall();
        assertEquals(DualControlAction.UNLOCK_ADMINISTRATOR_ID, command.action());
        assertEquals("customer called", command.reason());
        assertFalse(fakes.unlock.called(), "nothing runs before the approval");
    }

    @Test
    void underDualControlAContractRegistrationIsRequestedWithItsReasonAndNotOpened() {
        fakes.dualControlled.add(DualControlAction.REGISTER_CONTRACT);
        fakes.requestApproval.returns(request(8, OPERATOR));
        Browser browser = server.staff(StaffRole.OPERATOR, "en");
        String[] fields = {"contractNumber", "0000777", "contractName", "Console Co.", "administrator", "console-admin",
                "email", "keiri@console.example.jp", "language", "en",
                "password", "Initial-Pass-1", "passwordConfirmation", "Initial-Pass-1", "confirmed", "yes"};

        Reply withoutReason = browser.post("/console/contract-registration", concat("_csrf", browser.csrf(), fields));
        assertEquals(400, withoutReason.status());
        assertTrue(withoutReason.alert().contains("Enter a reason of 1 to 500 characters."), withoutReason.alert());
        assertFalse(fakes.requestApproval.called());

        Reply requested = browser.post("/console/contract-registration",
                concat("_csrf", browser.csrf(), "approvalReason", "new customer, contract signed", fields));

        assertEquals("/console/approvals?done=requested#request-8", requested.location());
        RequestApprovalCommand command = fakes.requestApproval.onlyCall();
        assertEquals(DualControlAction.REGISTER_CONTRACT, command.action());
        assertEquals(Map.of(RequestApprovalCommand.CONTRACT_NUMBER, "0000777", RequestApprovalCommand.CONTRACT_NAME,
                "Console Co.", RequestApprovalCommand.ADMINISTRATOR, "console-admin",
                RequestApprovalCommand.CONTACT_ADDRESS, "keiri@console.example.jp",
                RequestApprovalCommand.NOTICE_LANGUAGE, "en"), command.command());
        assertEquals("new customer, contract signed", command.reason());
        assertFalse(fakes.open.called(), "nothing registered before the approval");
    }

    private static String[] concat(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static String[] concat(String a, String b, String c, String d, String[] rest) {
        return concat(a, b, concat(c, d, rest));
    }

    @Test
    void withoutDualControlTheFormHasNoReasonAndTheActionRuns() {
        fakes.unlock.returns(null);
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply form = browser.get("/console/ids/locked-admin/unlock");
        Reply done = browser.post("/console/ids/locked-admin/unlock", "_csrf", browser.csrf(), "password", "Staff-Pass-1");

        assertFalse(form.body().contains("approvalReason"));
        assertEquals("/console/ids/locked-admin?done=unlocked", done.location());
        assertFalse(fakes.requestApproval.called());
    }

    @Test
    void theQueueShowsTheButtonsOnlyToWhoMayDecideAndExpiredRequestsAsExpired() {
        ApprovalRequest mayDecide = request(1, OTHER);
        ApprovalRequest own = request(2, OPERATOR);
        ApprovalRequest expired = request(3, OTHER);
        fakes.pendingApprovals.returns(List.of(new Item(mayDecide, ApprovalRequest.State.PENDING, true),
                new Item(own, ApprovalRequest.State.PENDING, false),
                new Item(expired, ApprovalRequest.State.EXPIRED, false)));
        fakes.ownApprovals.returns(List.of(new Item(own, ApprovalRequest.State.PENDING, false)));
        Browser browser = server.staff(StaffRole.OPERATOR, "en");

        Reply page = browser.get("/console/approvals");

        assertEquals(200, page.status(), page.toString());
        String body = page.body();
        assertTrue(body.contains("/console/approvals/1/approve") && body.contains("/console/approvals/1/reject"));
        assertFalse(body.contains("/console/approvals/2/approve"), "nobody approves their own request");
        assertFalse(body.contains("/console/approvals/3/approve"), "an expired request is not approved");
        assertTrue(page.text().contains("Expired"), page.text());
        assertTrue(page.text().contains("My requests") && page.text().contains("Waiting for approval"));
        assertTrue(body.contains("href=\"/console/approvals\""), "the navigation links the page");
    }

    @Test
    void anApprovalIsDecidedWithTheApproversPasswordAndARefusalIsShown() {
        ApprovalRequest pending = request(1, OTHER);
        fakes.findApproval.returns(Optional.of(new Item(pending, ApprovalRequest.State.PENDING, true)));
        fakes.pendingApprovals.returns(List.of());
        fakes.ownApprovals.returns(List.of());
        fakes.approve.returns(new DecideApprovalUseCase.Approval(pending.approved(OPERATOR, AT.plusSeconds(60)),
                Optional.empty()));
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply approved = browser.post("/console/approvals/1/approve", "_csrf", browser.csrf(), "password", "Staff-Pass-1");

        assertEquals("/console/approvals?done=approved", approved.location());
        assertEquals("Staff-Pass-1", fakes.approve.onlyCall().text());

        fakes.approve.refuses(Code.OWN_APPROVAL);
        Reply refused = browser.post("/console/approvals/1/approve", "_csrf", browser.csrf(), "password", "Staff-Pass-1");
        assertEquals(403, refused.status());
        assertEquals("ご自身の申請は承認も却下もできません。他のスタッフが判断します。", refused.alert());

        Reply noReason = browser.post("/console/approvals/1/reject", "_csrf", browser.csrf(), "rejectReason", " ");
        assertEquals(400, noReason.status());
        assertFalse(fakes.reject.called());
    }

    @Test
    void anUnknownRequestIsNotFound() {
        fakes.findApproval.returns(Optional.empty());
        Browser browser = server.staff(StaffRole.OPERATOR, "ja");

        Reply reply = browser.post("/console/approvals/99/approve", "_csrf", browser.csrf(), "password", "x");

        assertEquals(404, reply.status());
        assertFalse(fakes.approve.called());
    }
}
