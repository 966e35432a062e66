package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static certrenewal.app.browser.Browsers.run;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.browser.Browsers.Lang;
import certrenewal.app.EndToEnd;
import certrenewal.app.TestIds;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.CookieHttpSessionIdGenerator;
import io.micronaut.session.http.HttpSessionConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every way the browser renewal and its login stop short, each on a login ID of its own made
 * for the test, and what is left afterwards: the current certificate keeps working.
 */
class BrowserRenewalRefusalsTest extends RunningSystemWithBrowser {
    private static final String SESSION_COOKIE = "SESSION";

    @Test
    void noAtTheFirstConfirmationCancelsAndTheCurrentCertificateKeepsWorking() throws Exception {
        Credentials id = newIdWithCertificate("web-no-first");
        try (BrowserContext context = id.browser(Lang.JA)) {
            Page page = context.newPage();
            List<Download> downloads = new ArrayList<>();
            page.onDownload(downloads::add);
            logInAndOpenTheStartScreen(page, Lang.JA, id);
            fillPasswords(page, Lang.JA, "Pkcs12-Pass-1", "Pkcs12-Pass-1");
            button(page, Lang.JA.renew()).click();

            confirmation(page, Lang.JA).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.JA.no()).setExact(true)).click();

            assertThat(alert(page)).containsText("中止");
            assertThat(alert(page)).containsText("証明書");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Lang.JA.toMain()).setExact(true))).isVisible();
            assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
            assertTrue(downloads.isEmpty(), "nothing saved");
        }
        assertEquals(List.of("ABANDONED"), renewalStates(id.loginId()));
        assertEquals(Map.of(id.serial(), "ACTIVE"), certificateStatuses(id.loginId()), "no new certificate, the current one untouched");

        // The browser started afresh with the same certificate logs in, and may renew again.
        try (BrowserContext again = id.browser(Lang.JA)) {
            Page page = again.newPage();
            logInAndOpenTheStartScreen(page, Lang.JA, id);
        }
    }

    @Test
    void noAtTheSecondConfirmationCancelsRevokesTheUnusedNewCertificateAndTheCurrentOneKeepsWorking() throws Exception {
        Credentials id = newIdWithCertificate("web-no-second");
        try (BrowserContext context = id.browser(Lang.EN)) {
            Page page = context.newPage();
            List<Download> downloads = new ArrayList<>();
            page.onDownload(downloads::add);
            logInAndOpenTheStartScreen(page, Lang.EN, id);
            fillPasswords(page, Lang.EN, "Pkcs12-Pass-1", "Pkcs12-Pass-1");
            button(page, Lang.EN.renew()).click();
            Locator first = confirmation(page, Lang.EN);
            assertThat(first).isVisible();
            String firstText = first.innerText();
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.EN.yes()).setExact(true)).click();
            Locator second = confirmation(page, Lang.EN).filter(new Locator.FilterOptions().setHasNotText(firstText));
            assertThat(second).isVisible();

            second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.EN.no()).setExact(true)).click();

            assertThat(alert(page)).containsText(Pattern.compile("cancel", Pattern.CASE_INSENSITIVE));
            assertThat(alert(page)).containsText(Pattern.compile("certificate keeps working", Pattern.CASE_INSENSITIVE));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Lang.EN.toMain()).setExact(true))).isVisible();
            assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
            assertTrue(downloads.isEmpty(), "nothing saved");
        }
        assertEquals(List.of("ABANDONED"), renewalStates(id.loginId()));
        Map<String, String> certificates = certificateStatuses(id.loginId());
        assertEquals(2, certificates.size(), certificates.toString());
        assertEquals("ACTIVE", certificates.remove(id.serial()), "the current certificate untouched");
        assertEquals(List.of("REVOKED"), List.copyOf(certificates.values()), "the unused new one revoked");

        try (BrowserContext again = id.browser(Lang.EN)) {
            Page page = again.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.EN, id.loginId().value(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.EN.noticeTitle());
        }
    }

    @Test
    void passwordsThatDifferAreRefusedBeforeAnyDialogAndNothingIsSent() throws Exception {
        Credentials id = newIdWithCertificate("web-mismatch");
        try (BrowserContext context = id.browser(Lang.JA)) {
            Page page = context.newPage();
            logInAndOpenTheStartScreen(page, Lang.JA, id);
            List<Request> sent = new ArrayList<>();
            page.onRequest(sent::add);
            fillPasswords(page, Lang.JA, "Pkcs12-Pass-1", "Pkcs12-Pass-2");

            button(page, Lang.JA.renew()).click();

            assertThat(alert(page)).containsText(Lang.JA.passwordsDiffer());
            assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
            assertThat(heading1(page)).hasText(Lang.JA.startTitle());
            assertTrue(sent.isEmpty(), "nothing sent: " + sent.stream().map(r -> r.method() + " " + r.url()).toList());
        }
        assertEquals(Map.of(id.serial(), "ACTIVE"), certificateStatuses(id.loginId()), "no new certificate");
    }

    @Test
    void aSecondTabCannotStartASecondRenewalWhileOneIsOpen() throws Exception {
        Credentials id = newIdWithCertificate("web-two-tabs");
        try (BrowserContext context = id.browser(Lang.JA)) {
            Page first = context.newPage();
            first.navigate(system.url("/login"));
            Browsers.logIn(first, Lang.JA, id.loginId().value(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(first)).hasText(Lang.JA.noticeTitle());
            Page second = context.newPage();
            second.navigate(system.url("/renewal/notice"));
            assertThat(heading1(second)).hasText(Lang.JA.noticeTitle());

            button(first, Lang.JA.renewCertificate()).click();
            assertThat(heading1(first)).hasText(Lang.JA.startTitle());
            button(second, Lang.JA.renewCertificate()).click();

            assertThat(alert(second)).containsText(Pattern.compile("すでに|既に"));
            assertThat(heading1(first)).hasText(Lang.JA.startTitle());
        }
        assertEquals(1, renewalStates(id.loginId()).size(), "one renewal only");
    }

    @Test
    void aRenewalLeftInAClosedTabCanBeCancelledToStartOver() throws Exception {
        Credentials id = newIdWithCertificate("web-closed-tab");
        try (BrowserContext context = id.browser(Lang.JA)) {
            Page closed = context.newPage();
            closed.navigate(system.url("/login"));
            Browsers.logIn(closed, Lang.JA, id.loginId().value(), Browsers.LOGIN_PASSWORD);
            button(closed, Lang.JA.renewCertificate()).click();
            assertThat(heading1(closed)).hasText(Lang.JA.startTitle());
            closed.close();

            Page page = context.newPage();
            page.navigate(system.url("/renewal/notice"));
            assertThat(heading1(page)).hasText(Lang.JA.mainTitle());
            assertThat(page.getByText(Pattern.compile("すでに"))).isVisible();
            button(page, "中止してやり直す").click();

            assertThat(heading1(page)).hasText(Lang.JA.startTitle());
        }
        assertEquals(List.of("ABANDONED", "AWAITING_KEY"), renewalStates(id.loginId()).stream().sorted().toList());
    }

    @Test
    void anExpiredSessionLeadsBackToTheLoginScreen() throws Exception {
        Credentials id = newIdWithCertificate("web-expired");
        try (BrowserContext context = id.browser(Lang.JA)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, id.loginId().value(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            endServerSession(context);

            button(page, Lang.JA.renewCertificate()).click();

            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            assertThat(alert(page)).hasText(Lang.JA.sessionExpired());

            Browsers.logIn(page, Lang.JA, id.loginId().value(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            endServerSession(context);

            page.navigate(system.url("/main"));

            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            assertThat(alert(page)).hasText(Lang.JA.sessionExpired());
        }
        assertEquals(List.of(), renewalStates(id.loginId()), "no renewal started without a session");
    }

    @Test
    void sixWrongPasswordsInARowLockTheId() throws Exception {
        Credentials id = newIdWithCertificate("web-locked");
        try (BrowserContext context = id.browser(Lang.EN)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            List<String> alerts = new ArrayList<>();
            for (int attempt = 1; attempt <= 6; attempt++) {
                Browsers.andWaitForNextDocument(page, () -> Browsers.logIn(page, Lang.EN, id.loginId().value(), "Wrong-password"));
                assertThat(heading1(page)).hasText(Lang.EN.loginTitle());
                assertThat(alert(page)).isVisible();
                alerts.add(alert(page).innerText());
            }
            for (String wrong : alerts.subList(0, 5)) {
                assertFalse(wrong.toLowerCase().contains("lock"), "not locked before the sixth: " + alerts);
            }
            assertEquals(AccountStatus.LOCKED, system.bean(LoadAccountPort.class).loadAccount(id.loginId()).orElseThrow().status());

            Browsers.andWaitForNextDocument(page, () -> Browsers.logIn(page, Lang.EN, id.loginId().value(), Browsers.LOGIN_PASSWORD));

            assertThat(heading1(page)).hasText(Lang.EN.loginTitle());
            assertThat(alert(page)).containsText(Pattern.compile("lock", Pattern.CASE_INSENSITIVE));
        }
    }

    @Test
    void loginWithoutAClientCertificateIsRefused() throws Exception {
        Credentials id = newIdWithCertificate("web-no-cert");
        for (Lang lang : List.of(Lang.EN, Lang.JA)) {
            try (BrowserContext context = browsers.withoutCertificate(lang)) {
                Page page = context.newPage();
                page.navigate(system.url("/login"));

                Browsers.logIn(page, lang, id.loginId().value(), Browsers.LOGIN_PASSWORD);

                assertThat(alert(page)).containsText(lang == Lang.EN ? Pattern.compile("client certificate", Pattern.CASE_INSENSITIVE) : Pattern.compile("証明書"));
                assertThat(heading1(page)).hasText(lang.loginTitle());
            }
        }
    }

    @Test
    void loginWithAnotherIdsCertificateIsRefused() throws Exception {
        Credentials owner = newIdWithCertificate("web-cert-owner");
        Credentials other = newIdWithCertificate("web-cert-other");
        try (BrowserContext context = owner.browser(Lang.EN)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));

            Browsers.logIn(page, Lang.EN, other.loginId().value(), Browsers.LOGIN_PASSWORD);

            assertThat(alert(page)).containsText(Pattern.compile("certificate", Pattern.CASE_INSENSITIVE));
            assertThat(heading1(page)).hasText(Lang.EN.loginTitle());
        }
    }

    @Test
    void theLoginScreenIsJapaneseOrEnglishAndTheLanguageLinkSwitches() {
        try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            assertLoginScreen(page, Lang.JA);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Lang.JA.languageLink()).setExact(true)).click();
            assertLoginScreen(page, Lang.EN);
            page.reload();
            assertLoginScreen(page, Lang.EN);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Lang.EN.languageLink()).setExact(true)).click();
            assertLoginScreen(page, Lang.JA);
        }
        try (BrowserContext context = browsers.withoutCertificate(Lang.EN)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            assertLoginScreen(page, Lang.EN);
        }
    }

    private static void assertLoginScreen(Page page, Lang lang) {
        assertThat(heading1(page)).hasText(lang.loginTitle());
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(lang.loginId()).setExact(true))).isVisible();
        assertThat(page.getByLabel(lang.loginPassword(), new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(button(page, lang.logIn())).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(lang.languageLink()).setExact(true))).isVisible();
    }

    private static void logInAndOpenTheStartScreen(Page page, Lang lang, Credentials id) {
        page.navigate(system.url("/login"));
        Browsers.logIn(page, lang, id.loginId().value(), Browsers.LOGIN_PASSWORD);
        assertThat(heading1(page)).hasText(lang.noticeTitle());
        button(page, lang.renewCertificate()).click();
        assertThat(heading1(page)).hasText(lang.startTitle());
        Browsers.untilScriptsHaveRun(page);
    }

    private static void fillPasswords(Page page, Lang lang, String password, String confirmation) {
        page.getByLabel(lang.filePassword(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel(lang.filePasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill(confirmation);
    }

    private static Locator confirmation(Page page, Lang lang) {
        Locator dialog = page.getByRole(AriaRole.DIALOG).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(lang.confirmTitle()))));
        assertThat(dialog).isVisible();
        return dialog;
    }

    /** Removes the context's session from the server, as if it had expired there. */
    private static void endServerSession(BrowserContext context) throws Exception {
        Cookie cookie = context.cookies(system.origin()).stream().filter(c -> c.name.equals(SESSION_COOKIE)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + SESSION_COOKIE + " cookie: " + context.cookies().stream().map(c -> c.name).toList()));
        String sessionId = new CookieHttpSessionIdGenerator(system.bean(HttpSessionConfiguration.class))
                .sessionIdFromCookie(io.micronaut.http.cookie.Cookie.of(cookie.name, cookie.value));
        SessionStore<?> sessions = system.bean(SessionStore.class);
        assertTrue(sessions.deleteSession(sessionId).get(10, TimeUnit.SECONDS), "the server knew session " + sessionId);
    }

    /** @param serial the certificate's serial as stored: lower-case hex without leading zeros */
    private record Credentials(LoginId loginId, String serial, Path cert, Path key) {
        BrowserContext browser(Lang lang) {
            return browsers.withPem(system, lang, cert, key);
        }
    }

    /**
     * A new user ID of the demo contract: a certificate (30 days left, inside the renewal window)
     * whose key OpenSSL made, and the login password.
     */
    private Credentials newIdWithCertificate(String name) throws Exception {
        LoginId loginId = new LoginId(name);
        new TestIds(system).userId(new ContractNumber("0000001"), loginId, Browsers.LOGIN_PASSWORD);
        run(work, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-subj", "/CN=" + name, "-outform", "DER", "-out", name + ".csr.der");
        IssuedCertificate issued = new TestIds(system).firstCertificate(loginId,
                Files.readAllBytes(work.resolve(name + ".csr.der")), Duration.ofDays(30));
        Path der = Files.write(work.resolve(name + ".crt.der"), issued.certificate().der());
        run(work, "openssl", "x509", "-inform", "DER", "-in", der.toString(), "-out", name + ".crt");
        return new Credentials(loginId, issued.certificate().serial().hex(), work.resolve(name + ".crt"), work.resolve(name + ".key"));
    }

    /** The states of the ID's renewals, oldest first. */
    private static List<String> renewalStates(LoginId id) {
        return column("select state from renewal where login_id = ? order by started_at", id);
    }

    /** The stored status of each of the ID's certificates, by serial. */
    private static Map<String, String> certificateStatuses(LoginId id) {
        Map<String, String> statuses = new HashMap<>();
        for (String row : column("select serial || ' ' || status from certificate where login_id = ?", id)) {
            statuses.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        return statuses;
    }

    /** One column of a query, read through the application's own transaction port and connection. */
    private static List<String> column(String sql, LoginId id) {
        DataSource dataSource = system.bean(DataSource.class);
        return system.bean(TransactionPort.class).inTransaction(() -> {
            // The transaction's connection: closing it is the transaction's business, not this query's.
            try (PreparedStatement statement = dataSource.getConnection().prepareStatement(sql)) {
                statement.setString(1, id.value());
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
}
