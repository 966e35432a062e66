package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static certrenewal.app.browser.Browsers.hexOnly;
import static certrenewal.app.browser.Browsers.run;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.browser.Browsers.Lang;
import certrenewal.app.EndToEnd;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The renewal of the bank's manual, walked in a real browser along its screens, with OpenSSL
 * judging the PKCS#12 file the browser saved, and the renewed certificate then used to log in.
 */
class BrowserRenewalTest extends RunningSystemWithBrowser {
    private static final Pattern RENEWAL_PATH = Pattern.compile("/renewal/([^/]+)/(preparing|start|complete)");

    @Test
    void renewsAnAdministratorIdAlongTheSeedScreensInJapanese() throws Exception {
        Renewed renewed = renewAlongTheScreens(Lang.JA, "demo-admin", null, "Pkcs12-Pass-1");

        Path crt = judgedByOpenSsl(renewed, "demo-admin", "Pkcs12-Pass-1");
        assertTrue(run(work, "openssl", "x509", "-noout", "-text", "-in", crt.toString()).contains("NIST CURVE: P-256"),
                "ECDSA P-256 is the default key type");

        // The browser started afresh presents the renewed certificate: accepted, and outside the window.
        try (BrowserContext fresh = browsers.withPkcs12(system, Lang.JA, renewed.file(), "Pkcs12-Pass-1")) {
            Page page = fresh.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, "demo-admin", Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.mainTitle());
            assertTrue(hexOnly(page.locator("body").innerText()).contains(renewed.serial().toString(16)),
                    "the main menu shows the new serial " + renewed.serial().toString(16) + ":\n" + page.locator("body").innerText());
            assertThat(button(page, Lang.JA.renewCertificate())).hasCount(0);
            assertThat(button(page, Lang.JA.logOut())).isVisible();
        }
        // Its first use superseded the old certificate, which is now refused at login.
        try (BrowserContext old = browsers.withPkcs12(system, Lang.JA, system.demo("demo-admin.p12"), Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = old.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, "demo-admin", Browsers.LOGIN_PASSWORD);
            assertThat(alert(page)).containsText("証明書");
            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
        }
        Certificate old = system.bean(LoadCertificatePort.class).loadCertificate(
                new SerialNumber(Browsers.x509(system.demo("demo-admin.crt")).getSerialNumber())).orElseThrow();
        assertEquals(CertificateStatus.SUPERSEDED, old.storedStatus());
    }

    @Test
    void renewsAUserIdInEnglish() throws Exception {
        Renewed renewed = renewAlongTheScreens(Lang.EN, "demo-user1", null, "Pkcs12-Pass-2");

        judgedByOpenSsl(renewed, "demo-user1", "Pkcs12-Pass-2");
        String completeText = renewed.completeText();
        assertTrue(Pattern.compile("(?i)import").matcher(completeText).find(), "tells how to import:\n" + completeText);
        assertTrue(Pattern.compile("(?i)browser").matcher(completeText).find(), "tells to quit the browser once:\n" + completeText);
    }

    @Test
    void choosingRsa2048GivesAnRsa2048Certificate() throws Exception {
        Renewed renewed = renewAlongTheScreens(Lang.JA, "demo-user2", "RSA 2048", "Pkcs12-Pass-3");

        Path crt = judgedByOpenSsl(renewed, "demo-user2", "Pkcs12-Pass-3");
        String text = run(work, "openssl", "x509", "-noout", "-text", "-in", crt.toString());
        assertTrue(text.contains("rsaEncryption"), text);
        assertTrue(text.contains("Public-Key: (2048 bit)"), text);
    }

    /** What the walk ends with: the saved file, the serial its name gives, and the complete screen. */
    private record Renewed(Path file, BigInteger serial, String completeText, ZoneId browserZone) {
    }

    /**
     * Logs in with the demo ID's certificate and walks the manual's screens to the download;
     * checks each screen on the way. {@code keyType} null keeps the default.
     */
    private Renewed renewAlongTheScreens(Lang lang, String loginId, String keyType, String pkcs12Password) throws Exception {
        X509Certificate current = Browsers.x509(system.demo(loginId + ".crt"));
        try (BrowserContext context = browsers.withPkcs12(system, lang, system.demo(loginId + ".p12"), Browsers.DEMO_PKCS12_PASSWORD)) {
            Browsers.recordScreens(context);
            Page page = context.newPage();
            List<Download> downloads = new ArrayList<>();
            page.onDownload(downloads::add);

            page.navigate(system.url("/login"));
            assertThat(heading1(page)).hasText(lang.loginTitle());
            Browsers.logIn(page, lang, loginId, Browsers.LOGIN_PASSWORD);

            // 電子証明書更新通知: the expiry date and the days left.
            assertThat(heading1(page)).hasText(lang.noticeTitle());
            assertThat(page).hasURL(system.url("/renewal/notice"));
            assertThat(button(page, lang.toMain())).isVisible();
            String notice = page.locator("body").innerText();
            Instant notAfter = current.getNotAfter().toInstant();
            assertTrue(Browsers.showsDate(notice, notAfter.atZone(ZoneOffset.UTC).toLocalDate())
                            || Browsers.showsDate(notice, notAfter.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate())
                            || Browsers.showsDate(notice, notAfter.atZone(ZoneId.of(lang.timeZone())).toLocalDate()),
                    "the notice shows the expiry date " + notAfter + ":\n" + notice);
            Matcher daysLeft = Pattern.compile(lang.daysLeft()).matcher(notice);
            assertTrue(daysLeft.find(), "the notice shows the days left:\n" + notice);
            long fullDays = Duration.between(Instant.now(), notAfter).toDays();
            long shown = Long.parseLong(daysLeft.group(1));
            assertTrue(shown == fullDays || shown == fullDays + 1, "days left " + shown + ", expected " + fullDays + " or " + (fullDays + 1));

            // 証明書更新 → 電子証明書更新前処理中 → by itself 電子証明書更新開始.
            button(page, lang.renewCertificate()).click();
            assertThat(heading1(page)).hasText(lang.startTitle());
            Matcher start = RENEWAL_PATH.matcher(page.url());
            assertTrue(start.find() && start.group(2).equals("start"), page.url());
            String renewalId = start.group(1);
            List<String> screens = Browsers.screensShown(page);
            int preparing = screens.indexOf("/renewal/" + renewalId + "/preparing " + lang.preparingTitle());
            assertTrue(preparing >= 0, "the preparing screen was shown: " + screens);
            assertTrue(screens.subList(0, preparing).contains("/renewal/notice " + lang.noticeTitle()), screens.toString());
            Browsers.untilScriptsHaveRun(page);

            // 電子証明書更新開始: two passwords, the key type, 更新.
            Locator keyTypes = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(lang.keyType()));
            assertThat(keyTypes.locator("option:checked")).hasText("ECDSA P-256");
            if (keyType != null) {
                keyTypes.selectOption(new SelectOption().setLabel(keyType));
            }
            page.getByLabel(lang.filePassword(), new Page.GetByLabelOptions().setExact(true)).fill(pkcs12Password);
            page.getByLabel(lang.filePasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill(pkcs12Password);
            button(page, lang.renew()).click();

            // Web アクセスの確認, twice: first before the key pair is made, then before the file is saved.
            Locator dialogs = page.getByRole(AriaRole.DIALOG).filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(lang.confirmTitle()))));
            assertThat(dialogs).isVisible();
            String first = dialogs.innerText();
            assertTrue(Pattern.compile(lang.keyPairSays()).matcher(first).find(), "the first confirmation is about the key pair:\n" + first);
            dialogs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(lang.yes()).setExact(true)).click();

            Locator second = dialogs.filter(new Locator.FilterOptions().setHasNotText(first));
            assertThat(second).isVisible();
            String secondText = second.innerText();
            assertTrue(Pattern.compile(lang.certificateSavedSays()).matcher(secondText).find(),
                    "the second confirmation is about saving the certificate:\n" + secondText);
            assertTrue(downloads.isEmpty(), "nothing is saved before the second yes");
            Download download = page.waitForDownload(() -> second.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(lang.yes()).setExact(true)).click());

            Matcher name = Pattern.compile(Pattern.quote(loginId) + "-([0-9a-fA-F]+)\\.p12").matcher(download.suggestedFilename());
            assertTrue(name.matches(), "file name " + download.suggestedFilename());
            Path file = work.resolve(download.suggestedFilename());
            download.saveAs(file);
            BigInteger serial = new BigInteger(name.group(1), 16);
            assertNotEquals(current.getSerialNumber(), serial, "a new certificate");

            // 電子証明書発行 発行完了: the new certificate as the customer's PC sees it.
            assertThat(heading1(page)).hasText(lang.completeTitle());
            assertThat(page).hasURL(system.url("/renewal/" + renewalId + "/complete"));
            assertThat(button(page, lang.closeWindow())).isVisible();
            String complete = page.locator("body").innerText();
            assertEquals(1, downloads.size(), "one file saved");
            return new Renewed(file, serial, complete, ZoneId.of(lang.timeZone()));
        }
    }

    /**
     * OpenSSL opens the file with the password typed on the start screen, finds the key and the
     * certificate, verifies the certificate as a client certificate of the bank's CA, and agrees
     * with the file name and the complete screen. Returns the certificate, PEM.
     */
    private Path judgedByOpenSsl(Renewed renewed, String loginId, String password) throws Exception {
        String p12 = renewed.file().toString();
        String pass = "pass:" + password;
        String all = run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-nodes");
        assertTrue(all.contains("-----BEGIN PRIVATE KEY-----"), all);
        assertTrue(all.contains("-----BEGIN CERTIFICATE-----"), all);
        assertNotEquals(0, Browsers.exitCode(work, "openssl", "pkcs12", "-in", p12, "-passin", "pass:wrong-password", "-nodes"),
                "the file is protected by the password");
        // PBKDF2 (the key, the certificates) and the MAC's KDF: 100,000 iterations at least
        String info = run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-noout", "-info");
        Matcher iterations = Pattern.compile("(?i)iteration (\\d+)").matcher(info);
        int counts = 0;
        while (iterations.find()) {
            counts++;
            assertTrue(Integer.parseInt(iterations.group(1)) >= 100_000, info);
        }
        assertTrue(counts >= 2, info);
        // and NSS (Firefox's import) opens it too
        Path nss = Files.createTempDirectory(work, "nss");
        run(work, "certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run(work, "pk12util", "-i", p12, "-d", "sql:" + nss, "-W", password);

        run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-clcerts", "-nokeys", "-out", "renewed.crt");
        run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-nocerts", "-nodes", "-out", "renewed.key");
        Path crt = work.resolve("renewed.crt");
        String verify = run(work, "openssl", "verify", "-CAfile", system.demo("ca.crt").toString(), "-purpose", "sslclient", "renewed.crt");
        assertTrue(verify.contains("renewed.crt: OK"), verify);
        assertEquals(run(work, "openssl", "x509", "-noout", "-pubkey", "-in", "renewed.crt"),
                run(work, "openssl", "pkey", "-pubout", "-in", "renewed.key"), "the key in the file is the certificate's");
        assertEquals(subject(system.demo(loginId + ".crt")), subject(crt), "the subject of the bank's records");
        assertTrue(subject(crt).contains("CN=" + loginId), subject(crt));

        assertEquals(Browsers.serial(work, crt), renewed.serial(), "the serial in the file name");
        String shown = renewed.completeText();
        assertTrue(shown.contains("CN=" + loginId), "the complete screen shows the subject:\n" + shown);
        assertTrue(hexOnly(shown).contains(renewed.serial().toString(16)), "the complete screen shows the serial:\n" + shown);
        assertTrue(hexOnly(shown).contains(Browsers.sha256Fingerprint(work, crt)), "the complete screen shows the SHA-256 fingerprint:\n" + shown);
        String issuerCn = subject(system.demo("ca.crt")).replaceAll(".*CN=([^,]+).*", "$1");
        assertTrue(shown.contains(issuerCn), "the complete screen shows the issuer " + issuerCn + ":\n" + shown);
        X509Certificate issued = Browsers.x509(crt);
        for (Instant limit : List.of(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant())) {
            ZonedDateTime local = limit.atZone(renewed.browserZone());
            assertTrue(Browsers.showsDate(shown, local.toLocalDate()) && Browsers.showsTime(shown, local),
                    "the complete screen shows " + limit + " in the browser's time zone as " + local + ":\n" + shown);
        }
        return crt;
    }

    private String subject(Path cert) throws Exception {
        String line = run(work, "openssl", "x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", cert.toString()).strip();
        return line.substring(line.indexOf('=') + 1);
    }
}
