package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd;
import certrenewal.app.TestIds;
import certrenewal.app.browser.Browsers.Lang;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dual control (four eyes) walked in Chromium by role, with the bank's default setting (all four actions): operator A
 * requests the revocation of an administrator ID's certificate and cannot approve it; an auditor and a security
 * administrator see no approve button and are refused; operator B approves, the certificate is revoked, and the audit
 * log names both. Then a contract registration requested by A is approved by B, who receives the issuance password,
 * and a re-issue B requests is rejected by A with a reason that B reads among its requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first walk's request is number 1
class BrowserDualControlTest extends RunningSystemWithBrowser {
    private static final String A = "dual-operator-a";
    private static final String B = "dual-operator-b";
    private static final String AUDITOR = "dual-auditor";
    private static final String SECURITY = "dual-security";
    private static final String PASSWORD_A = "Operator-A-Pass-1";
    private static final String PASSWORD_B = "Operator-B-Pass-1";
    private static final String AUDITOR_PASSWORD = "Auditor-Pass-1";
    private static final String SECURITY_PASSWORD = "Security-Pass-1";
    private static final LoginId ADMIN = new LoginId("dual-admin");
    private static SerialNumber adminCertificate;

    /** The system as the bank configures it by default: dual control on for the four actions (hides the parent's). */
    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir, Map.of(
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000,
                "certrenewal.console.dual-control",
                "REVOKE_ADMINISTRATOR_CERTIFICATE,REISSUE_ADMINISTRATOR_ID,UNLOCK_ADMINISTRATOR_ID,REGISTER_CONTRACT"));
        browsers = Browsers.launch();
        createStaff(A, StaffRole.OPERATOR, PASSWORD_A);
        createStaff(B, StaffRole.OPERATOR, PASSWORD_B);
        createStaff(AUDITOR, StaffRole.AUDITOR, AUDITOR_PASSWORD);
        createStaff(SECURITY, StaffRole.SECURITY_ADMIN, SECURITY_PASSWORD);
        TestIds ids = new TestIds(system);
        ids.contract(new ContractNumber("0000950"), "Dual Control Co.", ADMIN, Browsers.LOGIN_PASSWORD);
        adminCertificate = ids.firstCertificate(ADMIN, Duration.ofDays(300)).certificate().serial();
    }

    @Test
    @Order(1)
    void operatorARequestsARevocationOperatorBApprovesItAndOtherRolesAreRefused() {
        String requestRow;
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, A, PASSWORD_A);
            assertThat(page.locator("nav.console-nav")).containsText("Approvals");

            // the revocation form asks for a reason for the second staff member; submitting it only requests
            page.navigate(system.url("/console/certificates/" + adminCertificate.hex() + "/revoke"));
            assertThat(heading1(page)).hasText("Revoke certificate");
            page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).selectOption("KEY_COMPROMISE");
            page.getByLabel("Reason for the request").fill("The customer reported the PC stolen (call 10:02)");
            page.getByLabel("Your password (confirmation)").fill(PASSWORD_A);
            button(page, "Request approval").click();

            assertThat(heading1(page)).hasText("Approvals (dual control)");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Requested. Another staff member must approve it.");
            assertEquals(CertificateStatus.ACTIVE, status(), "nothing is revoked before the approval");
            Locator mine = page.locator("#mine-1");
            assertThat(mine).containsText("Waiting for approval");
            requestRow = "#request-1";
            Locator pending = page.locator(requestRow);
            assertThat(pending).containsText(A);
            assertThat(pending).containsText("The customer reported the PC stolen");
            assertThat(pending.getByRole(AriaRole.BUTTON)).hasCount(0);

            // nor may A approve it by posting the form anyway
            assertEquals(403, approveDirectly(page, PASSWORD_A).status());
            assertEquals(CertificateStatus.ACTIVE, status());
        }

        for (String[] staff : new String[][] {{AUDITOR, AUDITOR_PASSWORD}, {SECURITY, SECURITY_PASSWORD}}) {
            try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
                Page page = context.newPage();
                logIn(page, staff[0], staff[1]);
                page.navigate(system.url("/console/approvals"));
                assertThat(page.locator(requestRow)).containsText(A);
                assertThat(page.locator(requestRow).getByRole(AriaRole.BUTTON)).hasCount(0);
                APIResponse refused = approveDirectly(page, staff[1]);
                assertEquals(403, refused.status(), staff[0]);
                assertEquals(CertificateStatus.ACTIVE, status(), staff[0] + "'s refusal changed nothing");
            }
        }

        try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
            Page page = context.newPage();
            logIn(page, B, PASSWORD_B);
            page.navigate(system.url("/console/approvals"));
            Locator pending = page.locator(requestRow);
            assertThat(pending).containsText("管理者IDの電子証明書の失効");
            pending.getByLabel("あなたのパスワード（確認）").fill(PASSWORD_B);
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("承認").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.STATUS)).hasText("承認し、操作を実行しました。");
            assertThat(page.locator(requestRow)).hasCount(0);
        }
        assertEquals(CertificateStatus.REVOKED, status());
        assertEquals(RevocationReason.KEY_COMPROMISE,
                system.bean(LoadCertificatePort.class).loadCertificate(adminCertificate).orElseThrow().revocationReason());

        // the audit log names both: the auditor reads the revocation's record
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, AUDITOR, AUDITOR_PASSWORD);
            page.navigate(system.url("/console/audit?action=CERTIFICATE_REVOKED&target=certificate:" + adminCertificate.hex()));
            Locator log = page.locator("main");
            assertThat(log).containsText("staff:" + B);
            assertThat(log).containsText("requested by staff:" + A + ", approved by staff:" + B);
        }
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, A, PASSWORD_A);
            page.navigate(system.url("/console/approvals"));
            assertThat(page.locator("#mine-1")).containsText("Approved (done)");
            assertThat(page.locator("#mine-1")).containsText(B);
        }
    }

    @Test
    @Order(2)
    void aRegistrationRunsOnlyOnApprovalAndARejectedReissueChangesNothing() {
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, A, PASSWORD_A);
            page.navigate(system.url("/console/contract-registration"));
            Browsers.untilScriptsHaveRun(page);
            page.getByLabel("Contract number").fill("0000951");
            page.getByLabel("Contract name").fill("Four Eyes Trading");
            page.getByLabel("Administrator ID", new Page.GetByLabelOptions().setExact(true)).fill("four-eyes-admin");
            page.getByLabel("Administrator ID’s contact e-mail address").fill("four-eyes@example.jp");
            page.getByLabel("Administrator ID’s initial login password").fill("Four-Eyes-Pass-1");
            page.getByLabel("Initial login password (confirmation)").fill("Four-Eyes-Pass-1");
            page.getByLabel("Reason for the request").fill("Signed application form no. 4711");
            button(page, "Register").click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Register now")).click();

            assertThat(heading1(page)).hasText("Approvals (dual control)");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Requested. Another staff member must approve it.");
            assertEquals(Optional.empty(), contract("0000951"), "nothing is registered before the approval");
        }
        long registration = pendingRequestOn("contract:0000951");

        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, B, PASSWORD_B);
            page.navigate(system.url("/console/approvals"));
            Locator pending = page.locator("#request-" + registration);
            assertThat(pending).containsText("Register a contract");
            assertThat(pending).containsText("Signed application form no. 4711");
            pending.getByLabel("Your password (confirmation)").fill(PASSWORD_B);
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve").setExact(true)).click();

            assertThat(heading1(page)).hasText("Contract registered");
            String issuance = page.locator("output.issuance-password").innerText().strip();
            assertEquals(16, issuance.length(), "the approver receives the issuance password once: " + issuance);
        }
        assertEquals("Four Eyes Trading", contract("0000951").orElseThrow().name());
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId("four-eyes-admin")).isPresent());

        // B asks to re-issue the new administrator ID; A rejects it with a reason; nothing changes
        try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
            Page page = context.newPage();
            logIn(page, B, PASSWORD_B);
            page.navigate(system.url("/console/ids/four-eyes-admin/reissue"));
            page.getByLabel("申請理由").fill("お客様から端末紛失の連絡");
            page.getByLabel("あなたのパスワード（確認）").fill(PASSWORD_B);
            button(page, "承認を申請").click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("申請しました。別のスタッフの承認を待っています。");
        }
        long reissue = pendingRequestOn("login-id:four-eyes-admin");
        Optional<IssuanceGrant> grant = grant();
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, A, PASSWORD_A);
            page.navigate(system.url("/console/approvals"));
            Locator pending = page.locator("#request-" + reissue);
            assertThat(pending).containsText("Re-issue an administrator ID");
            pending.getByLabel("Reason for rejecting").fill("The customer found the PC again");
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The request has been rejected.");
        }
        assertEquals(grant, grant(), "a rejected re-issue hands out no new issuance password");
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            logIn(page, B, PASSWORD_B);
            page.navigate(system.url("/console/approvals"));
            Locator mine = page.locator("#mine-" + reissue);
            assertThat(mine).containsText("Rejected");
            assertThat(mine).containsText(A);
            assertThat(mine).containsText("The customer found the PC again");
        }
    }

    private static Optional<Contract> contract(String number) {
        return system.bean(ContractPort.class).loadContract(new ContractNumber(number));
    }

    private static Optional<IssuanceGrant> grant() {
        return system.bean(IssuanceGrantPort.class).loadGrant(new LoginId("four-eyes-admin"));
    }

    private static long pendingRequestOn(String target) {
        return system.bean(certrenewal.application.port.out.ApprovalRequestPort.class).pendingRequests(100).stream()
                .filter(r -> r.target().equals(target)).mapToLong(certrenewal.domain.administration.ApprovalRequest::id)
                .max().orElseThrow(() -> new AssertionError("no pending request on " + target));
    }

    private static CertificateStatus status() {
        return system.bean(LoadCertificatePort.class).loadCertificate(adminCertificate).orElseThrow().storedStatus();
    }

    /** The approval posted with the page's own session and CSRF token, as a crafted form would. */
    private static APIResponse approveDirectly(Page page, String password) {
        String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
        return page.request().post(system.url("/console/approvals/1/approve"), RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("password", password)).setMaxRedirects(0));
    }

    private static void logIn(Page page, String username, String password) {
        page.navigate(system.url("/console/login"));
        boolean en = page.locator("html").getAttribute("lang").equals("en");
        page.getByLabel(en ? "Username" : "ユーザー名").fill(username);
        page.getByLabel(en ? "Password" : "パスワード", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, en ? "Log in" : "ログイン").click();
        assertThat(page.locator("nav.console-nav")).isVisible();
        if (alert(page).count() > 0) {
            throw new AssertionError("login refused: " + alert(page).textContent());
        }
    }
}
