package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static certrenewal.app.browser.Browsers.run;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.MutableClock;
import certrenewal.app.TestIds;
import certrenewal.app.browser.Browsers.Lang;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bank staff console (adapters-web/CONSOLE.md) in a real browser: an operator's dashboard,
 * search, details and actions; an auditor's audit log and its verification; and what each role
 * is refused. The staff accounts are made for the test through the outgoing ports, since the
 * bootstrap accounts' passwords appear only in the log.
 */
class BrowserConsoleTest extends RunningSystemWithBrowser {
    private static final String OPERATOR = "test-operator";
    private static final String OPERATOR_PASSWORD = "Operator-Pass-1";
    private static final String AUDITOR = "test-auditor";
    private static final String AUDITOR_PASSWORD = "Auditor-Pass-1";
    private static final String LOCKABLE = "test-lockable";
    private static final String LOCKABLE_PASSWORD = "Lockable-Pass-1";
    /** IDs of the demo contract made for paging: 23 certificates, expiring after the dashboard's 16 weeks, page-01 first. */
    private static final int PAGED_IDS = 23;
    private static final String SECOND_CONTRACT = "0000900";
    private static final String REISSUE_ADMIN = "reissue-admin";
    private static final String LOCKED_ADMIN = "locked-admin";

    private static final Lang JA = Lang.JA;
    private static final Lang EN = Lang.EN;

    @BeforeAll
    static void staffAndData() throws Exception {
        createStaff(OPERATOR, StaffRole.OPERATOR, OPERATOR_PASSWORD);
        createStaff(AUDITOR, StaffRole.AUDITOR, AUDITOR_PASSWORD);
        createStaff(LOCKABLE, StaffRole.OPERATOR, LOCKABLE_PASSWORD);

        TestIds ids = new TestIds(system);
        ContractNumber demo = new ContractNumber("0000001");
        for (int i = 1; i <= PAGED_IDS; i++) {
            LoginId id = new LoginId(pagedId(i));
            ids.userId(demo, id, Browsers.LOGIN_PASSWORD);
            // later IDs expire later
            ids.firstCertificate(id, Duration.ofDays(200 + i));
        }
        // a second contract: an administrator ID with a certificate to re-issue, and a locked one to unlock
        ContractNumber second = new ContractNumber(SECOND_CONTRACT);
        ids.contract(second, "Second Trading Co.", new LoginId(REISSUE_ADMIN), Browsers.LOGIN_PASSWORD);
        ids.firstCertificate(new LoginId(REISSUE_ADMIN), Duration.ofDays(300));
        ids.administratorId(second, new LoginId(LOCKED_ADMIN), Browsers.LOGIN_PASSWORD);
        system.bean(TransactionPort.class).inTransaction(() -> {
            LoginAccount account = system.bean(LoadAccountPort.class).loadAccount(new LoginId(LOCKED_ADMIN)).orElseThrow();
            system.bean(SaveAccountPort.class).updateAccount(account.recordFailedPassword(1));
        });
    }

    // ---- operator ---------------------------------------------------------------------------

    @Test
    void anOperatorSeesTheDashboardSearchesSortsPagesOpensAnIdAndRevokesACertificate() throws Exception {
        BigInteger demoUser2Serial = Browsers.serial(work, system.demo("demo-user2.crt"));
        try (BrowserContext context = browsers.withoutCertificate(JA)) {
            Page page = context.newPage();
            logIn(page, JA, OPERATOR, OPERATOR_PASSWORD);

            // the dashboard: the three demo certificates expire in 30 days, inside the chart's 16 weeks
            assertThat(heading1(page)).hasText("ダッシュボード");
            assertThat(page.locator("p.as-of time")).containsText("集計時刻：");
            assertThat(page.locator("p.as-of time")).hasAttribute("datetime", Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T.*Z$"));
            Locator chart = page.locator("svg.week-chart");
            assertThat(chart).isVisible();
            assertThat(chart).hasAttribute("role", "img");
            Locator weeks = chart.locator("g.week");
            assertThat(weeks).hasCount(16);
            assertEquals(3, sum(weeks, "data-count"), "the demo certificates in the chart");
            Locator busiest = chart.locator("g.week[data-count='3'] rect.bar");
            assertThat(busiest).hasCount(1);
            assertTrue(Double.parseDouble(busiest.getAttribute("height")) > 0, "a visible bar");
            assertThat(page.locator("table.week-table tbody tr")).hasCount(16);
            assertThat(page.locator("table.week-table tfoot td.num")).hasText("3");
            assertThat(page.locator("table.status-counts tr[data-status='ACTIVE'] td")).not().hasText("0");
            assertThat(page.locator("table.renewal-days tbody tr")).hasCount(30);

            // search by login ID
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("証明書検索").setExact(true)).click();
            assertThat(heading1(page)).hasText("証明書検索");
            page.getByLabel("ログインID（前方一致）").fill("demo-user1");
            button(page, "検索").click();
            Locator rows = page.locator("table.results tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first().locator("td").nth(1)).hasText("demo-user1");

            // 23 IDs: 20 on the first page, sorted by expiry (soonest first) until a header is clicked
            page.getByLabel("ログインID（前方一致）").fill("page-");
            button(page, "検索").click();
            assertThat(page.locator("p.count")).containsText("23");
            assertThat(rows).hasCount(20);
            assertThat(rows.first().locator("td").nth(1)).hasText(pagedId(1));
            Locator loginIdHeader = page.locator("table.results thead th").nth(1);
            assertThat(loginIdHeader).hasAttribute("aria-sort", "none");
            loginIdHeader.getByRole(AriaRole.LINK).click();
            assertThat(loginIdHeader).hasAttribute("aria-sort", "ascending");
            assertThat(rows.first().locator("td").nth(1)).hasText(pagedId(1));
            loginIdHeader.getByRole(AriaRole.LINK).click();
            assertThat(loginIdHeader).hasAttribute("aria-sort", "descending");
            assertThat(rows.first().locator("td").nth(1)).hasText(pagedId(PAGED_IDS));
            assertThat(rows).hasCount(20);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("次へ").setExact(true)).click();
            assertThat(rows).hasCount(3);
            assertThat(rows.last().locator("td").nth(1)).hasText(pagedId(1));
            assertThat(page.locator("nav.pager")).containsText("2 / 2");
            assertTrue(page.url().contains("sort=loginId") && page.url().contains("dir=desc"), page.url());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("前へ").setExact(true)).click();
            assertThat(rows).hasCount(20);
            assertThat(rows.first().locator("td").nth(1)).hasText(pagedId(PAGED_IDS));

            // the ID's details: its certificate history
            page.getByLabel("ログインID（前方一致）").fill("demo-user1");
            button(page, "検索").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("demo-user1").setExact(true)).click();
            assertThat(heading1(page)).hasText("ログインID詳細");
            assertThat(page.locator("#id-heading")).hasText("demo-user1");
            BigInteger demoUser1Serial = Browsers.serial(work, system.demo("demo-user1.crt"));
            Locator history = page.locator("table.certificates tbody tr");
            assertThat(history).hasCount(1);
            assertThat(history.first()).hasAttribute("data-serial", demoUser1Serial.toString(16));
            assertThat(history.first()).containsText("有効");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("再発行"))).hasCount(0);

            // the contract's page lists its IDs
            page.locator("dd a[href='/console/contracts/0000001']").click();
            assertThat(heading1(page)).hasText("契約詳細");
            assertThat(page.locator("table.ids tbody tr[data-login-id='demo-admin']")).hasCount(1);

            // a certificate's link leads to its owner's page
            page.navigate(system.url("/console/certificates/" + demoUser2Serial.toString(16)));
            assertThat(heading1(page)).hasText("ログインID詳細");
            assertThat(page.locator("#id-heading")).hasText("demo-user2");

            // revoke demo-user2's certificate: reason, then the operator's own password
            page.locator("#certificate-" + demoUser2Serial.toString(16)).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("失効").setExact(true)).click();
            assertThat(heading1(page)).hasText("電子証明書の失効");
            page.getByLabel("失効理由").selectOption("KEY_COMPROMISE");
            page.getByLabel("あなたのパスワード（確認）").fill("Not-my-password");
            button(page, "失効").click();
            assertThat(alert(page)).hasText("確認のパスワードが違います。");
            assertThat(heading1(page)).hasText("電子証明書の失効");
            page.getByLabel("失効理由").selectOption("KEY_COMPROMISE");
            page.getByLabel("あなたのパスワード（確認）").fill(OPERATOR_PASSWORD);
            button(page, "失効").click();

            assertThat(heading1(page)).hasText("ログインID詳細");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("失効しました");
            Locator revoked = page.locator("#certificate-" + demoUser2Serial.toString(16));
            assertThat(revoked).containsText("失効");
            assertThat(revoked).containsText("秘密鍵の漏えい");
            assertThat(revoked.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("失効"))).hasCount(0);
        }
        assertEquals(List.of("REVOKED"), column("select status from certificate where serial = ?", demoUser2Serial.toString(16)));

        // demo-user2 is refused at login at once
        try (BrowserContext customer = browsers.withPkcs12(system, EN, system.demo("demo-user2.p12"), Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = customer.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, EN, "demo-user2", Browsers.LOGIN_PASSWORD);
            // refused before the password is looked at, with the one answer for every refused certificate
            assertThat(alert(page)).containsText("the certificate was not accepted");
            assertThat(heading1(page)).hasText(EN.loginTitle());

            // ... and the CRL lists it
            APIResponse crl = customer.request().get(system.url("/crl/ca.crl"));
            if (crl.status() == 404) {
                System.err.println("SKIPPED: GET /crl/ca.crl answers 404 (not served yet): the CRL assertion was not made");
            } else {
                assertEquals(200, crl.status(), "GET /crl/ca.crl");
                Path file = Files.write(work.resolve("ca.crl"), crl.body());
                String text = run(work, "openssl", "crl", "-inform", "DER", "-in", file.toString(), "-noout", "-text");
                List<BigInteger> serials = new ArrayList<>();
                Matcher m = Pattern.compile("Serial Number:\\s*([0-9A-Fa-f]+)").matcher(text);
                while (m.find()) {
                    serials.add(new BigInteger(m.group(1), 16));
                }
                assertTrue(serials.contains(demoUser2Serial), "the CRL lists " + demoUser2Serial.toString(16) + ":\n" + text);
                assertTrue(text.contains("Key Compromise"), "with its reason:\n" + text);
            }
        }
    }

    @Test
    void anOperatorRegistersAContractAndReissuesAndUnlocksAdministratorIds() {
        try (BrowserContext context = browsers.withoutCertificate(EN)) {
            Page page = context.newPage();
            logIn(page, EN, OPERATOR, OPERATOR_PASSWORD);

            // register: the form, then a dialog to confirm, then the issuance password once
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register contract").setExact(true)).click();
            assertThat(heading1(page)).hasText("Register contract");
            Browsers.untilScriptsHaveRun(page);
            page.getByLabel("Contract number").fill("0000777");
            page.getByLabel("Contract name").fill("Console Test Co.");
            page.getByLabel("Administrator ID", new Page.GetByLabelOptions().setExact(true)).fill("console-admin");
            page.getByLabel("Administrator ID’s contact e-mail address").fill("console-admin@example.jp");
            page.getByLabel("Language of the notices").selectOption("en");
            page.getByLabel("Administrator ID’s initial login password").fill("Initial-Pass-1");
            page.getByLabel("Initial login password (confirmation)").fill("Initial-Pass-1");
            button(page, "Register").click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).isVisible();
            assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Confirm registration");
            assertThat(dialog).containsText("0000777");
            assertThat(dialog).containsText("Console Test Co.");
            assertThat(dialog).containsText("console-admin");
            assertThat(dialog).containsText("console-admin@example.jp");
            assertThat(heading1(page)).hasText("Register contract");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Back")).click();
            assertThat(dialog).not().isVisible();
            button(page, "Register").click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register now")).click();

            assertThat(heading1(page)).hasText("Contract registered");
            String issuance = page.locator("output.issuance-password").innerText();
            assertEquals(16, issuance.strip().length(), "an issuance password: " + issuance);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("To the login ID’s details")).click();
            assertThat(page.locator("#id-heading")).hasText("console-admin");
            assertThat(page.locator("dl")).containsText("Administrator ID");
            assertTrue(page.content().indexOf(issuance.strip()) < 0, "the issuance password is not shown again");
            assertThat(page.locator("#contact-address")).hasText("console-admin@example.jp");

            // the bank changes the administrator's address on the ID's page, with the operator's own password
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change contact address")).click();
            assertThat(heading1(page)).hasText("Change contact e-mail address");
            page.getByLabel("Contact e-mail address").fill("new-admin@example.jp");
            page.getByLabel("Your password (confirmation)").fill(OPERATOR_PASSWORD);
            button(page, "Change").click();
            assertThat(heading1(page)).hasText("Login ID details");
            assertThat(page.locator("#contact-address")).hasText("new-admin@example.jp");
            assertEquals(List.of("new-admin@example.jp"),
                    column("select email from contact_details where login_id = ?", "console-admin"));

            // the same contract again is refused
            page.navigate(system.url("/console/contract-registration"));
            Browsers.untilScriptsHaveRun(page);
            page.getByLabel("Contract number").fill("0000777");
            page.getByLabel("Contract name").fill("Console Test Co.");
            page.getByLabel("Administrator ID", new Page.GetByLabelOptions().setExact(true)).fill("console-admin-2");
            page.getByLabel("Administrator ID’s contact e-mail address").fill("console-admin-2@example.jp");
            page.getByLabel("Administrator ID’s initial login password").fill("Initial-Pass-1");
            page.getByLabel("Initial login password (confirmation)").fill("Initial-Pass-1");
            button(page, "Register").click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register now")).click();
            assertThat(alert(page)).containsText("already registered");

            // without the page's script, the server shows the confirmation dialog itself and registers nothing
            page.navigate(system.url("/console/contract-registration"));
            String unconfirmed = postForText(page, "/console/contract-registration", "contractNumber=0000778"
                    + "&contractName=No+Script+Co.&administrator=no-script-admin&email=ns%40example.jp&password=Initial-Pass-1"
                    + "&passwordConfirmation=Initial-Pass-1");
            assertTrue(Pattern.compile("<dialog[^>]*\\bopen\\b").matcher(unconfirmed).find(), unconfirmed);
            assertTrue(unconfirmed.contains("no-script-admin"), unconfirmed);
            assertEquals(List.of(), column("select number from contract where number = ?", "0000778"));

            // re-issue an administrator ID: the current certificate is superseded, a new issuance password shown once
            page.navigate(system.url("/console/ids/" + REISSUE_ADMIN));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Re-issue").setExact(true)).click();
            assertThat(heading1(page)).hasText("Re-issue certificate");
            page.getByLabel("Your password (confirmation)").fill(OPERATOR_PASSWORD);
            button(page, "Re-issue").click();
            assertThat(heading1(page)).hasText("Certificate re-issued");
            assertEquals(16, page.locator("output.issuance-password").innerText().strip().length());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("To the login ID’s details")).click();
            assertThat(page.locator("table.certificates tbody tr").first()).containsText("Renewed (revoked)");
            assertThat(page.locator("dl")).containsText("None");

            // unlock a locked administrator ID
            page.navigate(system.url("/console/ids/" + LOCKED_ADMIN));
            assertThat(page.locator("dd.account-LOCKED")).hasText("Locked");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unlock").setExact(true)).click();
            assertThat(heading1(page)).hasText("Unlock login ID");
            page.getByLabel("Your password (confirmation)").fill("Not-my-password");
            button(page, "Unlock").click();
            assertThat(alert(page)).hasText("The confirmation password is wrong.");
            assertThat(heading1(page)).hasText("Unlock login ID");
            page.getByLabel("Your password (confirmation)").fill(OPERATOR_PASSWORD);
            button(page, "Unlock").click();
            assertThat(heading1(page)).hasText("Login ID details");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(LOCKED_ADMIN + " has been unlocked.");
            assertThat(page.locator("dd.account-ACTIVE")).hasText("Active");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unlock").setExact(true))).hasCount(0);

            // a user ID is its administrator's to re-issue and unlock, not the bank's
            page.navigate(system.url("/console/ids/demo-user1"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Re-issue").setExact(true))).hasCount(0);
            assertEquals(403, page.navigate(system.url("/console/ids/demo-user1/reissue")).status());
            assertThat(heading1(page)).hasText("Not permitted");
        }
        assertEquals(List.of("ACTIVE"), column("select status from login_account where login_id = ?", LOCKED_ADMIN));
    }

    @Test
    void anOperatorIsRefusedTheAuditLog() {
        try (BrowserContext context = browsers.withoutCertificate(EN)) {
            Page page = context.newPage();
            logIn(page, EN, OPERATOR, OPERATOR_PASSWORD);
            assertThat(page.locator("nav.console-nav")).containsText("Certificate search");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))).hasCount(0);

            Response read = page.navigate(system.url("/console/audit"));
            assertEquals(403, read.status());
            assertThat(heading1(page)).hasText("Not permitted");
            assertEquals(403, post(page, "/console/audit/verify", ""));
        }
    }

    // ---- auditor ----------------------------------------------------------------------------

    @Test
    void anAuditorReadsFiltersAndVerifiesTheAuditLogAndSeesWhereItWasTamperedWith() throws Exception {
        try (BrowserContext context = browsers.withoutCertificate(EN)) {
            Page page = context.newPage();
            logIn(page, EN, AUDITOR, AUDITOR_PASSWORD);
            assertThat(heading1(page)).hasText("Dashboard");
            assertThat(page.locator("svg.week-chart")).isVisible();
            assertThat(page.locator("table.notice-days tbody tr")).hasCount(7);

            // the certificates expiring soon, as a page and as CSV
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Expiring soon").setExact(true)).click();
            assertThat(heading1(page)).hasText("Certificates expiring soon");
            page.getByLabel("Next days").fill("400");
            button(page, "Show").click();
            assertThat(page.locator("table.inventory")).containsText("demo-user1");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> button(page, "Export CSV").click());
            String csv = Files.readString(download.path(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\"Contract number\",\"Contract name\",\"Login ID\","), csv);
            assertTrue(csv.contains("\"demo-user1\""), csv);
            assertEquals("expiring-400-days.csv", download.suggestedFilename());

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log").setExact(true)).click();
            assertThat(heading1(page)).hasText("Audit log");
            Locator rows = page.locator("table.audit-records tbody tr");
            assertThat(rows.first()).isVisible();
            assertTrue(rows.count() > 1, "the log has records");
            List<Long> seqs = seqs(rows);
            assertEquals(seqs.stream().sorted((a, b) -> Long.compare(b, a)).toList(), seqs, "newest first");

            // filter: this auditor's logins
            page.getByLabel("Actor").fill("staff:" + AUDITOR);
            page.getByLabel("Action").fill("STAFF_LOGIN");
            page.getByLabel("Outcome").selectOption("SUCCESS");
            button(page, "Filter").click();
            assertThat(rows.first()).isVisible();
            for (Locator row : rows.all()) {
                assertThat(row.locator("td").nth(2)).hasText("staff:" + AUDITOR);
                assertThat(row.locator("td").nth(3)).hasText("STAFF_LOGIN");
                assertThat(row.locator("td").nth(5)).hasText("Success");
            }
            long tampered = seqs(rows).getFirst();
            page.getByLabel("Target (starts with)").fill("staff:nobody");
            button(page, "Filter").click();
            assertThat(page.locator("p.count")).hasText("0 records");

            // verify: intact
            page.navigate(system.url("/console/audit"));
            button(page, "Verify").click();
            Locator verification = page.locator("p.verification");
            assertThat(verification).hasText(Pattern.compile("^\\s*Chain intact \\(\\d+ records\\)\\s*$"));
            assertThat(page.locator("tr.broken")).hasCount(0);

            // someone edits a record in the database: verify names it and highlights it
            String original = column("select detail from audit_entry where seq = ?", tampered).getFirst();
            update("update audit_entry set detail = 'x' where seq = ?", tampered);
            try {
                page.navigate(system.url("/console/audit"));
                button(page, "Verify").click();
                assertThat(verification).containsText("Chain broken");
                assertThat(verification).containsText("seq " + tampered);
                assertThat(verification).hasAttribute("data-first-broken", String.valueOf(tampered));
                assertThat(alert(page)).containsText("seq " + tampered);
                Locator broken = page.locator("tr.broken");
                assertThat(broken).hasCount(1);
                assertThat(broken).hasAttribute("data-seq", String.valueOf(tampered));
                assertThat(broken).containsText("tampered");
            } finally {
                update("update audit_entry set detail = '" + original.replace("'", "''") + "' where seq = ?", tampered);
            }
            page.navigate(system.url("/console/audit"));
            button(page, "Verify").click();
            assertThat(verification).containsText("Chain intact");
        }
    }

    @Test
    void anAuditorIsRefusedSearchDetailsAndRevocation() throws Exception {
        String serial = Browsers.serial(work, system.demo("demo-user1.crt")).toString(16);
        try (BrowserContext context = browsers.withoutCertificate(JA)) {
            Page page = context.newPage();
            logIn(page, JA, AUDITOR, AUDITOR_PASSWORD);
            Locator nav = page.locator("nav.console-nav");
            assertThat(nav).containsText("監査ログ");
            assertThat(nav).not().containsText("証明書検索");
            assertThat(nav).not().containsText("契約の登録");

            for (String path : List.of("/console/search?loginId=demo", "/console/ids/demo-user1",
                    "/console/contracts/0000001", "/console/certificates/" + serial,
                    "/console/certificates/" + serial + "/revoke", "/console/contract-registration")) {
                assertEquals(403, page.navigate(system.url(path)).status(), path);
                assertThat(heading1(page)).hasText("権限がありません");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("失効"))).hasCount(0);
            }
            assertEquals(403, post(page, "/console/certificates/" + serial + "/revoke",
                    "reason=KEY_COMPROMISE&password=" + AUDITOR_PASSWORD));
        }
        assertEquals(List.of("ACTIVE"), column("select status from certificate where serial = ?", serial));
    }

    // ---- login ------------------------------------------------------------------------------

    @Test
    void loginMakesANewSessionAndLogoutEndsIt() {
        try (BrowserContext context = browsers.withoutCertificate(EN)) {
            Page page = context.newPage();
            page.navigate(system.url("/console"));
            assertThat(heading1(page)).hasText("Console log in");
            String before = sessionCookie(context);

            logIn(page, EN, OPERATOR, OPERATOR_PASSWORD);
            assertThat(heading1(page)).hasText("Dashboard");
            assertNotEquals(before, sessionCookie(context), "a new session at login");

            button(page, "Log out").click();
            assertThat(heading1(page)).hasText("Console log in");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have logged out.");
            page.navigate(system.url("/console/search"));
            assertThat(heading1(page)).hasText("Console log in");

            // the language link keeps the page
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(EN.languageLink()).setExact(true)).click();
            assertThat(heading1(page)).hasText("管理コンソール ログイン");
        }
    }

    @Test
    void sixWrongPasswordsInARowLockAStaffAccountForAWhileAndTheLockLooksLikeAWrongPassword() {
        MutableClock clock = system.bean(MutableClock.class);
        try (BrowserContext context = browsers.withoutCertificate(EN)) {
            Page page = context.newPage();
            page.navigate(system.url("/console/login"));
            for (int attempt = 1; attempt <= 6; attempt++) {
                Browsers.andWaitForNextDocument(page, () -> fillLogin(page, EN, LOCKABLE, "Wrong-password"));
                assertThat(heading1(page)).hasText("Console log in");
                assertThat(alert(page)).hasText("The username or the password is wrong.");
            }
            Browsers.andWaitForNextDocument(page, () -> fillLogin(page, EN, LOCKABLE, LOCKABLE_PASSWORD));
            assertThat(alert(page)).hasText("The username or the password is wrong.");
            assertThat(heading1(page)).hasText("Console log in");
            assertTrue(system.bean(StaffAccountPort.class).loadStaff(LOCKABLE).orElseThrow().lockedAt(clock.instant()));

            // the lock-out ends by itself
            Instant before = clock.instant();
            clock.advance(Duration.ofMinutes(15));
            try {
                Browsers.andWaitForNextDocument(page, () -> fillLogin(page, EN, LOCKABLE, LOCKABLE_PASSWORD));
                assertThat(heading1(page)).hasText("Dashboard");
            } finally {
                clock.set(before);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String pagedId(int i) {
        return String.format("page-%02d", i);
    }

    private static void logIn(Page page, Lang lang, String username, String password) {
        page.navigate(system.url("/console/login"));
        fillLogin(page, lang, username, password);
        assertThat(page.locator("nav.console-nav")).isVisible();
    }

    private static void fillLogin(Page page, Lang lang, String username, String password) {
        boolean en = lang == EN;
        page.getByLabel(en ? "Username" : "ユーザー名").fill(username);
        page.getByLabel(en ? "Password" : "パスワード", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, en ? "Log in" : "ログイン").click();
    }

    /** POSTs a form from the page's own session, with its CSRF token; returns the status. */
    private static int post(Page page, String path, String form) {
        String csrf = page.locator("form[action='/console/logout'] input[name=_csrf]").inputValue();
        Object status = page.evaluate("async ([path, body]) => (await fetch(path, {method: 'POST', redirect: 'manual',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body})).status",
                List.of(path, "_csrf=" + csrf + (form.isEmpty() ? "" : "&" + form)));
        return ((Number) status).intValue();
    }

    /** As {@link #post}, returning the reply's body. */
    private static String postForText(Page page, String path, String form) {
        String csrf = page.locator("form[action='/console/logout'] input[name=_csrf]").inputValue();
        return (String) page.evaluate("async ([path, body]) => (await fetch(path, {method: 'POST',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body})).text()",
                List.of(path, "_csrf=" + csrf + "&" + form));
    }

    private static String sessionCookie(BrowserContext context) {
        return context.cookies(system.origin()).stream().filter(c -> c.name.equals("SESSION")).map(c -> c.value)
                .findFirst().orElse(null);
    }

    private static long sum(Locator elements, String attribute) {
        long sum = 0;
        for (Locator element : elements.all()) {
            sum += Long.parseLong(element.getAttribute(attribute));
        }
        return sum;
    }

    private static List<Long> seqs(Locator rows) {
        return rows.all().stream().map(r -> Long.parseLong(r.getAttribute("data-seq"))).toList();
    }

    /** One column of a query with one parameter, through the application's own transaction port and connection. */
    private static List<String> column(String sql, Object parameter) {
        DataSource dataSource = system.bean(DataSource.class);
        return system.bean(TransactionPort.class).inTransaction(() -> {
            // the transaction's connection: closing it is the transaction's business, not this query's
            try (PreparedStatement statement = dataSource.getConnection().prepareStatement(sql)) {
                statement.setObject(1, parameter);
                List<String> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void update(String sql, Object parameter) {
        DataSource dataSource = system.bean(DataSource.class);
        int changed = system.bean(TransactionPort.class).inTransaction(() -> {
            try (PreparedStatement statement = dataSource.getConnection().prepareStatement(sql)) {
                statement.setObject(1, parameter);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, changed, sql);
    }
}
