package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static certrenewal.app.browser.Browsers.hexOnly;
import static certrenewal.app.browser.Browsers.run;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.MutableClock;
import certrenewal.app.browser.Browsers.Lang;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renewal after expiry in a real browser: the server's clock is moved past the demo certificate's expiry (the
 * certificate itself is the demo one); within the grace period the login leads to a notice that says when it
 * expired, with 証明書更新 only, then the seed's screens; after the grace period the login says who can re-issue.
 */
class BrowserRenewalAfterExpiryTest extends RunningSystemWithBrowser {

    @Test
    void aCertificateExpiredWithinTheGracePeriodIsRenewedFromANoticeThatOffersNothingElse() throws Exception {
        X509Certificate current = Browsers.x509(system.demo("demo-user1.crt"));
        Instant notAfter = current.getNotAfter().toInstant();
        MutableClock clock = system.bean(MutableClock.class);
        clock.set(notAfter.plus(Duration.ofDays(10)));
        Path file;
        BigInteger serial;
        try (BrowserContext context = browsers.withPkcs12(system, Lang.JA, system.demo("demo-user1.p12"),
                Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = loggedIn(context, Lang.JA, "demo-user1");

            // the notice: expired on that date, 証明書更新 only
            assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            String notice = page.locator("main").innerText();
            assertTrue(notice.contains("に切れました"), notice);
            assertTrue(Browsers.showsDate(notice, notAfter.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate()), notice);
            assertThat(button(page, Lang.JA.toMain())).hasCount(0);
            assertThat(button(page, Lang.JA.renewCertificate())).isVisible();
            // nothing else is reachable in this session, whatever the address
            for (String path : new String[] {"/main", "/password", "/admin/users", "/"}) {
                page.navigate(system.url(path));
                assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            }

            // then the seed's screens as usual
            button(page, Lang.JA.renewCertificate()).click();
            assertThat(heading1(page)).hasText(Lang.JA.startTitle());
            Browsers.untilScriptsHaveRun(page);
            page.getByLabel(Lang.JA.filePassword(), new Page.GetByLabelOptions().setExact(true)).fill("Pkcs12-Late-1");
            page.getByLabel(Lang.JA.filePasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill("Pkcs12-Late-1");
            button(page, Lang.JA.renew()).click();
            Locator dialogs = page.getByRole(AriaRole.DIALOG).filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Lang.JA.confirmTitle()))));
            assertThat(dialogs).isVisible();
            String first = dialogs.innerText();
            dialogs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.JA.yes()).setExact(true)).click();
            Locator second = dialogs.filter(new Locator.FilterOptions().setHasNotText(first));
            assertThat(second).isVisible();
            Download download = page.waitForDownload(() -> second.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(Lang.JA.yes()).setExact(true)).click());
            Matcher name = Pattern.compile("demo-user1-([0-9a-fA-F]+)\\.p12").matcher(download.suggestedFilename());
            assertTrue(name.matches(), download.suggestedFilename());
            file = work.resolve(download.suggestedFilename());
            download.saveAs(file);
            serial = new BigInteger(name.group(1), 16);
            assertThat(heading1(page)).hasText(Lang.JA.completeTitle());
            assertTrue(hexOnly(page.locator("body").innerText()).contains(serial.toString(16)));
        }

        // OpenSSL: a client certificate of the bank's CA, valid from its issuance (the server's moved time) for a year
        String pass = "pass:Pkcs12-Late-1";
        run(work, "openssl", "pkcs12", "-in", file.toString(), "-passin", pass, "-clcerts", "-nokeys", "-out", "late.crt");
        String verify = run(work, "openssl", "verify", "-attime", String.valueOf(clock.instant().getEpochSecond()),
                "-CAfile", system.demo("ca.crt").toString(), "-purpose", "sslclient", "late.crt");
        assertTrue(verify.contains("late.crt: OK"), verify);
        X509Certificate renewed = Browsers.x509(work.resolve("late.crt"));
        assertTrue(renewed.getNotBefore().toInstant().isAfter(notAfter), "valid from its issuance, after the old expiry");
        assertEquals(Duration.ofDays(365), Duration.between(renewed.getNotBefore().toInstant(), renewed.getNotAfter().toInstant()));

        // the renewed certificate logs in to the full menu; its first use made it the ID's current one, and the
        // expired one (left expired, not revoked) no longer renews anything
        try (BrowserContext fresh = browsers.withPkcs12(system, Lang.JA, file, "Pkcs12-Late-1")) {
            assertThat(heading1(loggedIn(fresh, Lang.JA, "demo-user1"))).hasText(Lang.JA.mainTitle());
        }
        assertEquals(Optional.of(new SerialNumber(serial)), system.bean(LoadAccountPort.class)
                .loadAccount(new LoginId("demo-user1")).orElseThrow().currentCertificateSerial());
        try (BrowserContext old = browsers.withPkcs12(system, Lang.JA, system.demo("demo-user1.p12"),
                Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = loggedIn(old, Lang.JA, "demo-user1");
            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            assertThat(alert(page)).containsText("有効期限");
        }
    }

    @Test
    void afterTheGracePeriodTheLoginSaysWhoCanReissue() throws Exception {
        MutableClock clock = system.bean(MutableClock.class);
        Instant userExpiry = Browsers.x509(system.demo("demo-user2.crt")).getNotAfter().toInstant();
        Instant adminExpiry = Browsers.x509(system.demo("demo-admin.crt")).getNotAfter().toInstant();
        clock.set((userExpiry.isAfter(adminExpiry) ? userExpiry : adminExpiry).plus(Duration.ofDays(90)));

        try (BrowserContext context = browsers.withPkcs12(system, Lang.JA, system.demo("demo-user2.p12"),
                Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = loggedIn(context, Lang.JA, "demo-user2");
            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            assertThat(alert(page)).containsText("管理者に証明書の再発行を依頼してください");
        }
        try (BrowserContext context = browsers.withPkcs12(system, Lang.EN, system.demo("demo-admin.p12"),
                Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = loggedIn(context, Lang.EN, "demo-admin");
            assertThat(heading1(page)).hasText(Lang.EN.loginTitle());
            assertThat(alert(page)).containsText("Ask the bank to re-issue");
        }
    }

    /** A new page of {@code context} after the login of {@code loginId} with the demo login password. */
    private static Page loggedIn(BrowserContext context, Lang lang, String loginId) {
        Page page = context.newPage();
        page.navigate(system.url("/login"));
        Browsers.logIn(page, lang, loginId, Browsers.LOGIN_PASSWORD);
        return page;
    }
}
