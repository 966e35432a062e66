package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.browser.Browsers.Lang;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.domain.administration.StaffRole;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff management walked in Chromium by role: a security administrator creates an operator, who
 * must choose a new password at the first login before reaching anything else, which ends its session
 * in another browser; the security administrator disables it and its session ends; an auditor and an operator do not manage staff.
 */
class BrowserStaffTest extends RunningSystemWithBrowser {
    private static final String SECURITY = "walk-security";
    private static final String SECURITY_PASSWORD = "Security-Pass-1";
    private static final String AUDITOR = "walk-auditor";
    private static final String AUDITOR_PASSWORD = "Auditor-Pass-1";
    private static final String NEW_OPERATOR = "walk-operator";
    private static final String CHOSEN = "Chosen-by-me-2026";

    @BeforeAll
    static void staff() {
        createStaff(SECURITY, StaffRole.SECURITY_ADMIN, SECURITY_PASSWORD);
        createStaff(AUDITOR, StaffRole.AUDITOR, AUDITOR_PASSWORD);
    }

    @Test
    void aSecurityAdministratorCreatesAnOperatorWhoChangesItsPasswordFirstAndIsThenDisabled() {
        try (BrowserContext admin = browsers.withoutCertificate(Lang.EN);
             BrowserContext operator = browsers.withoutCertificate(Lang.EN);
             BrowserContext elsewhere = browsers.withoutCertificate(Lang.EN)) {
            Page adminPage = admin.newPage();
            logIn(adminPage, SECURITY, SECURITY_PASSWORD);

            // the security administrator's home: the staff list, and no certificate work offered
            assertThat(heading1(adminPage)).hasText("Staff accounts");
            assertThat(adminPage.locator("nav.console-nav")).not().containsText("Certificate search");
            Locator own = adminPage.locator("tr[data-username='" + SECURITY + "']");
            assertThat(own).containsText("your own account is managed by another security administrator");
            assertThat(own.getByRole(AriaRole.BUTTON)).hasCount(0);

            adminPage.getByLabel("Username").fill(NEW_OPERATOR);
            adminPage.locator("select#role").selectOption("OPERATOR");
            button(adminPage, "Create").click();
            assertThat(heading1(adminPage)).hasText("Staff account created");
            String oneTime = adminPage.locator("#one-time-password").textContent().strip();
            assertTrue(oneTime.matches("[A-Za-z0-9]{20}"), oneTime);
            assertTrue(system.bean(StaffAccountPort.class).loadStaff(NEW_OPERATOR).orElseThrow().mustChangePassword());

            // the operator's first login: only the password change is reachable (also in a second browser)
            Page otherPage = elsewhere.newPage();
            logIn(otherPage, NEW_OPERATOR, oneTime);
            Page opPage = operator.newPage();
            logIn(opPage, NEW_OPERATOR, oneTime);
            assertEquals(system.url("/console/password"), opPage.url());
            assertThat(opPage.getByRole(AriaRole.STATUS))
                    .hasText("Your password was set by someone else. Choose a new password before you continue.");
            opPage.navigate(system.url("/console/search"));
            assertEquals(system.url("/console/password"), opPage.url(), "the search is not reachable yet");
            opPage.getByLabel("Current password").fill(oneTime);
            opPage.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(CHOSEN);
            opPage.getByLabel("New password (again)").fill(CHOSEN);
            button(opPage, "Change").click();
            assertThat(opPage.getByRole(AriaRole.STATUS)).hasText("Your password was changed; your other sessions have ended.");
            opPage.navigate(system.url("/console/search"));
            assertThat(heading1(opPage)).hasText("Certificate search");
            otherPage.navigate(system.url("/console/password"));
            assertThat(alert(otherPage)).hasText(
                    "Your session has ended because your password was changed or reset. Please log in again.");
            assertFalse(system.bean(StaffAccountPort.class).loadStaff(NEW_OPERATOR).orElseThrow().mustChangePassword());

            // the security administrator disables it: the operator's next request ends its session
            adminPage.navigate(system.url("/console/staff"));
            adminPage.locator("tr[data-username='" + NEW_OPERATOR + "']").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Disable")).click();
            assertThat(adminPage.getByRole(AriaRole.STATUS)).hasText("The staff account was disabled; its sessions have ended.");
            assertThat(adminPage.locator("tr[data-username='" + NEW_OPERATOR + "']")).containsText("disabled");
            opPage.navigate(system.url("/console/search"));
            assertThat(alert(opPage)).hasText("Your session has ended because your staff account was disabled.");
            fillLogin(opPage, NEW_OPERATOR, CHOSEN);
            assertThat(alert(opPage)).isVisible();
            assertTrue(opPage.url().endsWith("/console/login"), "a disabled account does not log in: " + opPage.url());
        }
    }

    @Test
    void anAuditorIsOfferedNoStaffManagementAndIsRefusedIt() {
        try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
            Page page = context.newPage();
            logIn(page, AUDITOR, AUDITOR_PASSWORD);
            assertThat(page.locator("nav.console-nav")).not().containsText("スタッフ管理");
            assertThat(page.locator("nav.console-nav")).containsText("パスワード変更");

            com.microsoft.playwright.Response refused = page.navigate(system.url("/console/staff"));

            assertEquals(403, refused.status());
            assertThat(alert(page)).hasText("この操作を行う権限がありません。");
        }
    }

    private static void logIn(Page page, String username, String password) {
        page.navigate(system.url("/console/login"));
        fillLogin(page, username, password);
        assertThat(page.locator("nav.console-nav")).isVisible();
    }

    private static void fillLogin(Page page, String username, String password) {
        boolean en = page.locator("html").getAttribute("lang").equals("en");
        page.getByLabel(en ? "Username" : "ユーザー名").fill(username);
        page.getByLabel(en ? "Password" : "パスワード", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, en ? "Log in" : "ログイン").click();
    }
}
