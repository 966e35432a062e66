package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd;
import certrenewal.app.browser.Browsers.Lang;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffRole;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff log in to the console with their own client certificate (certrenewal.console.client-certificate: required),
 * walked in Chromium: a security administrator issues an operator's certificate on the staff page and downloads it
 * with its one-time password; the operator logs in with that PKCS#12 and the password; without a certificate the
 * login says so; with another staff member's or a customer's certificate it is refused as a wrong password; an
 * operator cannot issue one; a new certificate ends the session opened with the old one.
 */
class BrowserStaffCertificateTest extends RunningSystemWithBrowser {
    private static final String SECURITY = "cert-security";
    private static final String OPERATOR = "cert-operator";
    private static final String OTHER = "cert-other";
    private static final String SECURITY_PASSWORD = "Security-Pass-1";
    private static final String OPERATOR_PASSWORD = "Operator-Pass-1";
    private static final String OTHER_PASSWORD = "Other-Pass-1";
    private static Path securityP12;
    private static String securityP12Password;
    private static Path otherP12;
    private static String otherP12Password;

    /** Staff certificates required; the first security administrator's and another operator's made by the system. */
    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir, Map.of(
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000,
                "certrenewal.console.client-certificate", "required"));
        browsers = Browsers.launch();
        createStaff(SECURITY, StaffRole.SECURITY_ADMIN, SECURITY_PASSWORD);
        createStaff(OPERATOR, StaffRole.OPERATOR, OPERATOR_PASSWORD);
        createStaff(OTHER, StaffRole.OPERATOR, OTHER_PASSWORD);
        IssueStaffCertificateUseCase issue = system.bean(IssueStaffCertificateUseCase.class);
        Actor setUp = new Actor.SystemTask("test set-up");
        IssuedStaffCertificate security = issue.issue(setUp, SECURITY);
        IssuedStaffCertificate other = issue.issue(setUp, OTHER);
        try {
            securityP12 = Files.write(dataDir.resolve("security.p12"), security.pkcs12());
            otherP12 = Files.write(dataDir.resolve("other.p12"), other.pkcs12());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        securityP12Password = security.pkcs12Password();
        otherP12Password = other.pkcs12Password();
    }

    @Test
    void aSecurityAdministratorIssuesAnOperatorsCertificateWithWhichAloneTheOperatorLogsIn() throws Exception {
        Path operatorP12 = work.resolve("operator.p12");
        String oneTimePassword;
        String serial;
        try (BrowserContext context = browsers.withPkcs12(system, Lang.EN, securityP12, securityP12Password)) {
            Page page = context.newPage();
            page.navigate(system.url("/console/login"));
            assertThat(page.locator("#certificate-required")).containsText("your own staff client certificate");
            logIn(page, SECURITY, SECURITY_PASSWORD);
            page.navigate(system.url("/console/staff"));
            var row = page.locator("tr[data-username=" + OPERATOR + "]");
            assertThat(row.locator(".staff-certificate")).hasText("none");
            row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Issue certificate")).click();

            assertThat(heading1(page)).hasText("Staff certificate issued");
            oneTimePassword = page.locator("#one-time-password").textContent().strip();
            serial = page.locator("#certificate-serial").textContent().strip();
            Download download = page.waitForDownload(() -> page.locator("#download-pkcs12").click());
            download.saveAs(operatorP12);
            assertEquals(OPERATOR + "-" + serial + ".p12", download.suggestedFilename());

            page.navigate(system.url("/console/staff"));
            assertThat(page.locator("tr[data-username=" + OPERATOR + "] .staff-certificate")).containsText(serial);
        }
        StaffCertificate recorded = system.bean(StaffCertificatePort.class).currentStaffCertificate(OPERATOR).orElseThrow();
        assertEquals(serial, recorded.serial().hex());
        // OpenSSL, an independent reader, opens what the browser saved with the one-time password
        String contents = EndToEnd.Tool.runOk(work, "openssl", "pkcs12", "-in", operatorP12.toString(),
                "-passin", "pass:" + oneTimePassword, "-nodes");
        assertTrue(contents.contains("OU = Staff, CN = " + OPERATOR), contents);
        assertTrue(contents.contains("-----BEGIN PRIVATE KEY-----"));

        // the operator with the file and the password: in
        try (BrowserContext context = browsers.withPkcs12(system, Lang.JA, operatorP12, oneTimePassword)) {
            Page page = context.newPage();
            logIn(page, OPERATOR, OPERATOR_PASSWORD);
            assertThat(heading1(page)).hasText("ダッシュボード");

            // but an operator issues no certificate: 403, nothing changed
            String csrf = page.locator("input[name=_csrf]").first().getAttribute("value");
            StaffCertificate othersBefore = system.bean(StaffCertificatePort.class).currentStaffCertificate(OTHER).orElseThrow();
            APIResponse refused = page.request().post(system.url("/console/staff/" + OTHER + "/certificate"),
                    RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
            assertEquals(403, refused.status());
            assertEquals(List.of(othersBefore), system.bean(StaffCertificatePort.class).staffCertificatesOf(OTHER));

            // and the staff certificate logs in no customer
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, "demo-user1", Browsers.LOGIN_PASSWORD);
            assertThat(alert(page)).isVisible();
            assertThat(page).hasURL(system.url("/login"));
        }

        // the right password without any certificate: told to present one, nothing counted
        try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
            Page page = context.newPage();
            assertEquals("スタッフ用の電子証明書が提示されていません。ご自身の証明書をブラウザーに取り込み、ブラウザーをいったん閉じてから、"
                    + "証明書を選んでログインしてください。", refusedLogIn(page, OPERATOR, OPERATOR_PASSWORD));
        }
        assertEquals(0, failedAttempts(OPERATOR));

        // another staff member's certificate, then a customer's: refused as a wrong password is, and counted
        try (BrowserContext context = browsers.withPkcs12(system, Lang.JA, otherP12, otherP12Password)) {
            assertEquals("ユーザー名、パスワードまたは電子証明書が正しくありません。",
                    refusedLogIn(context.newPage(), OPERATOR, OPERATOR_PASSWORD));
        }
        try (BrowserContext context = browsers.withPkcs12(system, Lang.EN, system.demo("demo-user1.p12"),
                Browsers.DEMO_PKCS12_PASSWORD)) {
            assertEquals("The username, the password or the certificate is not correct.",
                    refusedLogIn(context.newPage(), OPERATOR, OPERATOR_PASSWORD));
        }
        assertEquals(2, failedAttempts(OPERATOR));

        // a new certificate for the operator ends the session opened with the old one, which no longer logs in
        try (BrowserContext context = browsers.withPkcs12(system, Lang.EN, operatorP12, oneTimePassword)) {
            Page page = context.newPage();
            logIn(page, OPERATOR, OPERATOR_PASSWORD);
            system.bean(IssueStaffCertificateUseCase.class).issue(new Actor.Staff(SECURITY, StaffRole.SECURITY_ADMIN), OPERATOR);
            page.navigate(system.url("/console"));
            assertThat(alert(page)).hasText("Your session has ended because your staff certificate was replaced by a new"
                    + " one. Please log in again with the new certificate.");
            assertEquals("The username, the password or the certificate is not correct.",
                    refusedLogIn(page, OPERATOR, OPERATOR_PASSWORD));
        }
    }

    private static int failedAttempts(String username) {
        return system.bean(StaffAccountPort.class).loadStaff(username).orElseThrow().failedPasswordAttempts();
    }

    private static void logIn(Page page, String username, String password) {
        fillLogIn(page, username, password);
        assertThat(page.locator("nav.console-nav")).isVisible();
        if (alert(page).count() > 0) {
            throw new AssertionError("login refused: " + alert(page).textContent());
        }
    }

    private static String refusedLogIn(Page page, String username, String password) {
        fillLogIn(page, username, password);
        assertThat(alert(page)).isVisible();
        assertThat(page.locator("nav.console-nav")).hasCount(0);
        return alert(page).textContent().strip();
    }

    private static void fillLogIn(Page page, String username, String password) {
        if (!page.url().endsWith("/console/login")) {
            page.navigate(system.url("/console/login"));
        }
        boolean en = page.locator("html").getAttribute("lang").equals("en");
        page.getByLabel(en ? "Username" : "ユーザー名").fill(username);
        page.getByLabel(en ? "Password" : "パスワード", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, en ? "Log in" : "ログイン").click();
    }
}
