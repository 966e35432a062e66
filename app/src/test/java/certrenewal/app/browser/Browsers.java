package certrenewal.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.app.EndToEnd;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ClientCertificate;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the browser tests share: the running system, Debian's Chromium driven by Playwright (never
 * a downloaded browser), browser contexts presenting a client certificate, the screens' names in
 * both languages, and OpenSSL as the independent judge of what the browser saved.
 *
 * <p>A new {@link BrowserContext} is a browser started afresh: no cookies, no TLS session, so it
 * presents whichever client certificate it is given, as the manual's "quit the browser once".
 */
final class Browsers implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** The login password of every demo ID (README) and of the IDs the tests register. */
    static final String LOGIN_PASSWORD = "demo-password";
    static final String DEMO_PKCS12_PASSWORD = "demo";

    private final Playwright playwright;
    private final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browsers launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // Key generation, issuance and PKCS#12 packaging take a few seconds on a slow CI machine.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"))
                .setHeadless(true));
        return new Browsers(playwright, browser);
    }

    /** A fresh browser presenting this PKCS#12 (key and certificate) to the server. */
    BrowserContext withPkcs12(EndToEnd system, Lang lang, Path p12, String passphrase) {
        return newContext(lang, new ClientCertificate(system.origin()).setPfxPath(p12).setPassphrase(passphrase));
    }

    /** A fresh browser presenting this PEM certificate and key to the server. */
    BrowserContext withPem(EndToEnd system, Lang lang, Path cert, Path key) {
        return newContext(lang, new ClientCertificate(system.origin()).setCertPath(cert).setKeyPath(key));
    }

    /** A fresh browser with no client certificate at all. */
    BrowserContext withoutCertificate(Lang lang) {
        return newContext(lang, null);
    }

    private BrowserContext newContext(Lang lang, ClientCertificate certificate) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setLocale(lang.locale())
                .setTimezoneId(lang.timeZone())
                .setIgnoreHTTPSErrors(true)
                .setAcceptDownloads(true);
        if (certificate != null) {
            options.setClientCertificates(List.of(certificate));
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(30_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** Fills in the login screen (already shown) and presses the login button. */
    static void logIn(Page page, Lang lang, String loginId, String password) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(lang.loginId())).fill(loginId);
        page.getByLabel(lang.loginPassword(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(lang.logIn()).setExact(true)).click();
    }

    /**
     * On パスワード変更 (shown after the login of an ID whose password someone else chose): nothing else is reachable
     * (the main menu leads back here), then the change with {@code current} and {@code next} typed twice leads to
     * the main menu.
     */
    static void changeRequiredPassword(Page page, EndToEnd system, Lang lang, String current, String next) {
        boolean ja = lang == Lang.JA;
        String title = ja ? "パスワード変更" : "Change password";
        assertThat(heading1(page)).hasText(title);
        assertThat(page.locator("main")).containsText(ja ? "ご自身で新しいログインパスワードに変更してください"
                : "choose a new login password of your own");
        assertThat(button(page, lang.toMain())).hasCount(0);
        page.navigate(system.url("/main"));
        assertThat(heading1(page)).hasText(title);
        page.getByLabel(ja ? "現在のログインパスワード" : "Current login password",
                new Page.GetByLabelOptions().setExact(true)).fill(current);
        page.getByLabel(ja ? "新しいログインパスワード" : "New login password",
                new Page.GetByLabelOptions().setExact(true)).fill(next);
        page.getByLabel(ja ? "新しいログインパスワード（確認）" : "New login password (again)",
                new Page.GetByLabelOptions().setExact(true)).fill(next);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ja ? "変更" : "Change").setExact(true)).click();
        assertThat(heading1(page)).hasText(lang.mainTitle());
    }

    /**
     * Runs {@code action} (a click that submits or navigates) and waits until the browser shows
     * the document it leads to: a marker set on the current document is gone from the new one.
     * Needed where the next document may look like the current one (a second refused login).
     */
    static void andWaitForNextDocument(Page page, Runnable action) {
        page.evaluate("() => { window.__e2eOldDocument = true; }");
        action.run();
        page.waitForFunction("() => window.__e2eOldDocument === undefined && document.readyState !== 'loading'");
    }

    /**
     * Makes every document of the context record its path and {@code <h1>} in the tab's session
     * storage when it has loaded and when it is left, so that a test can see a screen that moves
     * on by itself (電子証明書更新前処理中) without racing it.
     */
    static void recordScreens(BrowserContext context) {
        context.addInitScript("""
                (() => {
                  const record = () => {
                    try {
                      const h1 = document.querySelector('h1');
                      const entry = location.pathname + ' ' + (h1 ? h1.textContent.trim() : '');
                      const log = JSON.parse(sessionStorage.getItem('e2e-screens') || '[]');
                      if (log[log.length - 1] !== entry) {
                        log.push(entry);
                        sessionStorage.setItem('e2e-screens', JSON.stringify(log));
                      }
                    } catch (e) { /* about:blank has no storage */ }
                  };
                  document.addEventListener('DOMContentLoaded', record);
                  window.addEventListener('pagehide', record);
                })();
                """);
    }

    /** The screens this tab has shown, oldest first, as "path h1". */
    @SuppressWarnings("unchecked")
    static List<String> screensShown(Page page) {
        return (List<String>) page.evaluate("() => JSON.parse(sessionStorage.getItem('e2e-screens') || '[]')");
    }

    /**
     * Waits for the page's load event, after which its module scripts have run: the start
     * screen's 更新 is a plain form button until its script takes it over.
     */
    static void untilScriptsHaveRun(Page page) {
        page.waitForLoadState(LoadState.LOAD);
    }

    static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static com.microsoft.playwright.Locator heading1(Page page) {
        return page.locator("h1");
    }

    static com.microsoft.playwright.Locator alert(Page page) {
        return page.getByRole(AriaRole.ALERT);
    }

    /** Hex digits only, lower case: how serials and fingerprints are compared whatever their layout. */
    static String hexOnly(String text) {
        return text.replaceAll("[:\\s]", "").toLowerCase();
    }

    /**
     * The screens' names (SCREENS.md) in one language, and the browser settings that choose it;
     * the last three are patterns for texts SCREENS.md describes without fixing their wording.
     */
    record Lang(String locale, String timeZone, String loginTitle, String loginId, String loginPassword, String logIn,
                String languageLink, String noticeTitle, String toMain, String renewCertificate, String mainTitle,
                String logOut, String preparingTitle, String startTitle, String filePassword, String filePasswordConfirmation,
                String keyType, String renew, String confirmTitle, String yes, String no, String completeTitle,
                String closeWindow, String passwordsDiffer, String sessionExpired, String daysLeft, String keyPairSays,
                String certificateSavedSays) {
        static final Lang JA = new Lang("ja-JP", "Asia/Tokyo", "ログイン", "ログインID", "ログインパスワード", "ログイン",
                "English", "電子証明書更新通知", "メインへ", "証明書更新", "メイン", "ログアウト", "電子証明書更新前処理中",
                "電子証明書更新開始", "証明書ファイルのパスワード", "パスワード（確認）", "鍵の種類", "更新", "Web アクセスの確認",
                "はい", "いいえ", "電子証明書発行 発行完了", "このウィンドウを閉じる", "パスワードが一致しません。",
                "セッションの有効期限が切れました。もう一度ログインしてください。", "あと\\s*(\\d+)\\s*日", "鍵|キー",
                "保存");
        static final Lang EN = new Lang("en-US", "America/New_York", "Log in", "Login ID", "Login password", "Log in",
                "日本語", "Certificate renewal notice", "To main", "Renew certificate", "Main menu", "Log out",
                "Preparing certificate renewal", "Start certificate renewal", "Password for the certificate file",
                "Password (confirmation)", "Key type", "Renew", "Confirm web access", "Yes", "No", "Certificate issued",
                "Close this window", "The passwords do not match.", "Your session has expired. Please log in again.",
                "(\\d+)\\s*days?\\s+left", "(?i)key pair", "(?i)sav(e|ed|ing)\\b");
    }

    /**
     * The whole system in a temporary data directory on a free HTTPS port, started as
     * {@code certrenewal.app.EndToEnd} starts it (that class is package-private to
     * {@code certrenewal.app}, so it cannot be reused from here).
     */
    /** Runs OpenSSL (or another command-line tool) in {@code workDir}; fails the test unless it exits 0. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        return EndToEnd.Tool.runOk(workDir, command);
    }

    /** Runs a command-line tool in {@code workDir} and returns its exit code. */
    static int exitCode(Path workDir, String... command) throws IOException, InterruptedException {
        return EndToEnd.Tool.run(workDir, List.of(command)).exitCode();
    }

    /** A PEM or DER certificate, read to know its dates (the expected values of what screens show). */
    static X509Certificate x509(Path cert) throws IOException, CertificateException {
        try (var in = Files.newInputStream(cert)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * Whether the text shows this date, in any of the usual layouts (2026-12-24, 2026/12/24,
     * 2026年12月24日, 12/24/2026, December 24, 2026, 24 Dec 2026), the day and month with or
     * without a leading zero.
     */
    static boolean showsDate(String text, LocalDate date) {
        String y = String.valueOf(date.getYear());
        String m = "0?" + date.getMonthValue();
        String d = "0?" + date.getDayOfMonth();
        String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String mon = date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String regex = String.join("|",
                y + "\\s*[-/.年]\\s*" + m + "\\s*[-/.月]\\s*" + d + "(?!\\d)",
                "(?<!\\d)" + m + "/" + d + "/" + y,
                "(?:" + month + "|" + mon + ")\\.?\\s+" + d + ",?\\s+" + y,
                "(?<!\\d)" + d + "\\.?\\s+(?:" + month + "|" + mon + ")\\.?,?\\s+" + y);
        return Pattern.compile(regex).matcher(text).find();
    }

    /** Whether the text shows this time of day as hours and minutes, on a 24- or 12-hour clock. */
    static boolean showsTime(String text, ZonedDateTime time) {
        String minutes = String.format(":%02d", time.getMinute());
        int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return Pattern.compile("(?<!\\d)(?:0?" + time.getHour() + "|0?" + hour12 + ")" + minutes + "(?!\\d)")
                .matcher(text).find();
    }

    /** The certificate's serial number as OpenSSL reads it. */
    static BigInteger serial(Path workDir, Path cert) throws IOException, InterruptedException {
        String line = run(workDir, "openssl", "x509", "-noout", "-serial", "-in", cert.toString()).strip();
        return new BigInteger(line.substring(line.indexOf('=') + 1), 16);
    }

    /** The certificate's SHA-256 fingerprint as OpenSSL computes it, hex digits only. */
    static String sha256Fingerprint(Path workDir, Path cert) throws IOException, InterruptedException {
        String line = run(workDir, "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString()).strip();
        return hexOnly(line.substring(line.indexOf('=') + 1));
    }
}
