package certrenewal.app.browser;

import static certrenewal.app.browser.Browsers.alert;
import static certrenewal.app.browser.Browsers.button;
import static certrenewal.app.browser.Browsers.heading1;
import static certrenewal.app.browser.Browsers.hexOnly;
import static certrenewal.app.browser.Browsers.run;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.MutableClock;
import certrenewal.app.browser.Browsers.Lang;
import certrenewal.app.TestIds;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The customer administrator's 利用者管理 (list, 利用者登録, 再発行, 失効, ロック解除) and the
 * 証明書取得 of the IDs it registers or re-issues, walked in a real browser: the administrator
 * presents demo-admin's certificate; the users obtain theirs without any client certificate, with
 * OpenSSL judging the PKCS#12 the browser saved, and then log in with it.
 */
class BrowserAdministrationTest extends RunningSystemWithBrowser {
    private static final String CONTRACT = "0000001";
    private static final String ADMIN = "demo-admin";

    /** The names of 利用者管理 and 証明書取得 (SCREENS.md) in one language. */
    private record Names(Lang lang, String userManagement, String registerUser, String registerTitle,
                         String initialPassword, String initialPasswordConfirmation, String register, String issuedTitle,
                         String reissue, String reissueTitle, String revoke, String revokeTitle, String revokeTarget,
                         String reason, String confirmationPassword, String revokedTitle, String unlock, String pickupLink,
                         String pickupTitle, String issuancePassword, String next, String pickupStartTitle, String obtain,
                         String forbiddenTitle) {
        static final Names JA = new Names(Lang.JA, "利用者管理", "利用者登録", "利用者登録", "初期ログインパスワード",
                "初期ログインパスワード（確認）", "登録", "発行パスワード", "再発行", "証明書再発行", "失効", "証明書失効",
                "失効するログインID", "失効理由", "確認用パスワード", "失効結果", "ロック解除", "証明書取得", "証明書取得",
                "発行パスワード", "次へ", "電子証明書取得開始", "取得", "ご利用いただけません");
        static final Names EN = new Names(Lang.EN, "User management", "Register a user", "Register a user",
                "Initial login password", "Initial login password (confirmation)", "Register", "Issuance password",
                "Re-issue", "Re-issue certificate", "Revoke", "Revoke certificate", "Login ID to revoke", "Reason",
                "Confirmation password", "Revocation result", "Unlock", "Obtain a certificate", "Obtain a certificate",
                "Issuance password", "Next", "Start obtaining the certificate", "Obtain", "Not available");
    }

    @Test
    void theAdministratorSeesItsContractsIdsUnderUserManagementAndNothingElse() throws Exception {
        // another contract, whose IDs demo-admin must never see nor touch
        TestIds ids = new TestIds(system);
        ids.contract(new ContractNumber("0000002"), "Other Trading Co.", new LoginId("other-admin"), Browsers.LOGIN_PASSWORD);
        ids.userId(new ContractNumber("0000002"), new LoginId("other-user"), Browsers.LOGIN_PASSWORD);

        try (BrowserContext context = asAdministrator(Lang.JA)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, ADMIN, Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            button(page, Lang.JA.toMain()).click();
            assertThat(heading1(page)).hasText(Lang.JA.mainTitle());
            String csrf = page.locator("input[name=_csrf]").first().inputValue();

            button(page, Names.JA.userManagement()).click();

            assertThat(heading1(page)).hasText(Names.JA.userManagement());
            assertThat(page).hasURL(Pattern.compile(":" + system.server.getPort() + "/admin/users\\??$"));
            for (String id : List.of(ADMIN, "demo-user1", "demo-user2")) {
                assertThat(row(page, id)).hasCount(1);
                assertThat(row(page, id)).containsText("有効");
            }
            assertThat(row(page, ADMIN)).containsText("管理者");
            assertThat(row(page, ADMIN).getByRole(AriaRole.BUTTON)).hasCount(0);
            for (String user : List.of("demo-user1", "demo-user2")) {
                Locator row = row(page, user);
                assertThat(row).containsText("利用者");
                assertThat(buttonIn(row, Names.JA.reissue())).isVisible();
                assertThat(buttonIn(row, Names.JA.revoke())).isVisible();
                assertThat(buttonIn(row, Names.JA.unlock())).hasCount(0);
                String serial = hexOnly(Browsers.serial(work, system.demo(user + ".crt")).toString(16));
                assertTrue(hexOnly(row.innerText()).contains(serial), "the row shows the serial " + serial + ": " + row.innerText());
                Instant notAfter = Browsers.x509(system.demo(user + ".crt")).getNotAfter().toInstant();
                assertTrue(Browsers.showsDate(row.innerText(), notAfter.atZone(ZoneId.of(Lang.JA.timeZone())).toLocalDate()),
                        "the row shows the expiry " + notAfter + ": " + row.innerText());
            }
            String body = page.locator("body").innerText();
            assertFalse(body.contains("other-user") || body.contains("other-admin"), "no other contract's ID:\n" + body);
            assertThat(button(page, Names.JA.registerUser())).isVisible();

            // Nothing on another contract's ID, even with this session's CSRF token; nothing without the token.
            assertEquals(404, postForm(page, "/admin/users/other-user/reissue", "_csrf=" + csrf + "&password=demo-password"));
            assertEquals(404, postForm(page, "/admin/users/other-user/unlock", "_csrf=" + csrf + "&password=demo-password"));
            assertEquals(403, postForm(page, "/admin/users", "loginId=no-csrf-user&password=demo-password&passwordConfirm=demo-password"));
            assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId("no-csrf-user")).isEmpty(), "not registered");
        }
    }

    @Test
    void aRegisteredUserObtainsItsCertificateWithoutAClientCertificateAndLogsInWithIt() throws Exception {
        String loginId = "adm-registered";
        String issuancePassword;
        try (BrowserContext context = asAdministrator(Lang.JA)) {
            Page page = userManagement(context, Names.JA);
            issuancePassword = registerInTheBrowser(page, Names.JA, loginId);

            // shown once: not in the list, not again on the way back
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用者管理へ").setExact(true)).click();
            assertThat(heading1(page)).hasText(Names.JA.userManagement());
            assertFalse(page.content().contains(issuancePassword), "the issuance password is not shown again");
            assertThat(row(page, loginId)).containsText("取得待ち");
            assertThat(buttonIn(row(page, loginId), Names.JA.revoke())).hasCount(0);
        }

        PickedUp picked = pickUp(Names.JA, loginId, issuancePassword, "Pkcs12-Pass-1");
        Path crt = judgedByOpenSsl(picked, loginId, "Pkcs12-Pass-1");
        assertEquals(picked.serial(), Browsers.serial(work, crt));

        try (BrowserContext fresh = browsers.withPkcs12(system, Lang.JA, picked.file(), "Pkcs12-Pass-1")) {
            Page page = fresh.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, loginId, Browsers.LOGIN_PASSWORD);
            // the administrator chose the first login password: the user replaces it before anything else
            Browsers.changeRequiredPassword(page, system, Lang.JA, Browsers.LOGIN_PASSWORD, "Own-Choice-2026");
            assertTrue(hexOnly(page.locator("body").innerText()).contains(picked.serial().toString(16)),
                    page.locator("body").innerText());
            assertThat(button(page, Names.JA.userManagement())).hasCount(0);
        }
        try (BrowserContext context = asAdministrator(Lang.JA)) {
            Page page = userManagement(context, Names.JA);
            assertThat(row(page, loginId)).containsText("有効");
            assertThat(row(page, loginId)).not().containsText("取得待ち");
        }
    }

    @Test
    void reIssueRefusesTheOldCertificateAtOnceAndItsIssuancePasswordWorksOnce() throws Exception {
        Credentials id = newIdWithCertificate("adm-reissued");
        String issuancePassword;
        try (BrowserContext context = asAdministrator(Lang.JA)) {
            Page page = userManagement(context, Names.JA);
            buttonIn(row(page, id.loginId()), Names.JA.reissue()).click();
            assertThat(heading1(page)).hasText(Names.JA.reissueTitle());

            // a wrong confirmation password changes nothing
            confirmWith(page, Names.JA, "Wrong-password");
            button(page, Names.JA.reissue()).click();
            assertThat(alert(page)).containsText("確認用パスワード");
            assertThat(heading1(page)).hasText(Names.JA.reissueTitle());
            assertEquals(CertificateStatus.ACTIVE, storedStatus(id.serial()));

            confirmWith(page, Names.JA, Browsers.LOGIN_PASSWORD);
            button(page, Names.JA.reissue()).click();
            assertThat(heading1(page)).hasText(Names.JA.issuedTitle());
            issuancePassword = issuancePasswordShown(page, id.loginId());
        }
        assertEquals(CertificateStatus.SUPERSEDED, storedStatus(id.serial()), "the old certificate revoked at once");
        try (BrowserContext old = id.browser(Lang.JA)) {
            Page page = old.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, id.loginId(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            assertThat(alert(page)).containsText("証明書");
        }

        PickedUp picked = pickUp(Names.EN, id.loginId(), issuancePassword, "Pkcs12-Pass-2");
        judgedByOpenSsl(picked, id.loginId(), "Pkcs12-Pass-2");
        assertNotEquals(id.serial(), picked.serial());

        // used once: refused the second time, in either language
        for (Names n : List.of(Names.JA, Names.EN)) {
            String refusal = pickUpRefused(n, id.loginId(), issuancePassword);
            assertTrue(refusal.contains(n == Names.JA ? "発行パスワード" : "issuance password"), refusal);
        }
        try (BrowserContext fresh = browsers.withPkcs12(system, Lang.EN, picked.file(), "Pkcs12-Pass-2")) {
            Page page = fresh.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.EN, id.loginId(), Browsers.LOGIN_PASSWORD);
            // whoever re-issued may know the login password too: the holder replaces it first
            Browsers.changeRequiredPassword(page, system, Lang.EN, Browsers.LOGIN_PASSWORD, "Own-Choice-2026");
        }
    }

    @Test
    void revocationWithAWrongConfirmationPasswordChangesNothingAndWithTheRightOneIsInForceAtOnce() throws Exception {
        Credentials id = newIdWithCertificate("adm-revoked");
        try (BrowserContext context = asAdministrator(Lang.JA)) {
            Page page = userManagement(context, Names.JA);
            buttonIn(row(page, id.loginId()), Names.JA.revoke()).click();
            assertThat(heading1(page)).hasText(Names.JA.revokeTitle());
            Locator target = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(Names.JA.revokeTarget()));
            assertThat(target.locator("option:checked")).containsText(id.loginId());
            Locator reasons = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(Names.JA.reason()));
            assertEquals(6, reasons.locator("option").count(), "a prompt and the five reasons");
            reasons.selectOption(new SelectOption().setLabel("所属の変更"));
            confirmWith(page, Names.JA, "Wrong-password");

            button(page, Names.JA.revoke()).click();

            assertThat(alert(page)).containsText("確認用パスワード");
            assertThat(heading1(page)).hasText(Names.JA.revokeTitle());
            assertEquals(CertificateStatus.ACTIVE, storedStatus(id.serial()), "nothing revoked");
            try (BrowserContext user = id.browser(Lang.JA)) {
                Page userPage = user.newPage();
                userPage.navigate(system.url("/login"));
                Browsers.logIn(userPage, Lang.JA, id.loginId(), Browsers.LOGIN_PASSWORD);
                assertThat(heading1(userPage)).hasText(Lang.JA.noticeTitle());
            }

            assertThat(target.locator("option:checked")).containsText(id.loginId());
            assertThat(reasons.locator("option:checked")).hasText("所属の変更");
            confirmWith(page, Names.JA, Browsers.LOGIN_PASSWORD);
            button(page, Names.JA.revoke()).click();

            assertThat(heading1(page)).hasText(Names.JA.revokedTitle());
            String result = page.locator("main").innerText();
            assertTrue(result.contains(id.loginId()), result);
            assertTrue(hexOnly(result).contains(id.serial()), result);
            assertTrue(result.contains("所属の変更"), result);
            Instant revokedAt = system.bean(LoadCertificatePort.class).loadCertificate(SerialNumber.ofHex(id.serial()))
                    .orElseThrow().revokedAt();
            assertTrue(Browsers.showsDate(result, revokedAt.atZone(ZoneId.of(Lang.JA.timeZone())).toLocalDate()), result);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用者管理へ").setExact(true)).click();
            assertThat(row(page, id.loginId())).containsText("失効");
            assertThat(buttonIn(row(page, id.loginId()), Names.JA.revoke())).hasCount(0);
        }
        Certificate revoked = system.bean(LoadCertificatePort.class).loadCertificate(SerialNumber.ofHex(id.serial())).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, revoked.storedStatus());
        assertEquals(RevocationReason.AFFILIATION_CHANGED, revoked.revocationReason());
        try (BrowserContext user = id.browser(Lang.JA)) {
            Page page = user.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, id.loginId(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.loginTitle());
            // a revoked certificate is refused before the password is looked at, with the one answer
            // for "ID, password or certificate not accepted"
            assertThat(alert(page)).containsText("電子証明書を確認できませんでした");
        }
    }

    @Test
    void theAdministratorUnlocksAUserLockedBySixWrongPasswords() throws Exception {
        Credentials id = newIdWithCertificate("adm-unlocked");
        try (BrowserContext user = id.browser(Lang.EN)) {
            Page page = user.newPage();
            page.navigate(system.url("/login"));
            for (int attempt = 1; attempt <= 6; attempt++) {
                Browsers.andWaitForNextDocument(page, () -> Browsers.logIn(page, Lang.EN, id.loginId(), "Wrong-password"));
                assertThat(alert(page)).isVisible();
            }
            assertThat(alert(page)).containsText(Pattern.compile("lock", Pattern.CASE_INSENSITIVE));
        }
        assertEquals(AccountStatus.LOCKED, status(id.loginId()));

        try (BrowserContext context = asAdministrator(Lang.EN)) {
            Page page = userManagement(context, Names.EN);
            assertThat(row(page, id.loginId())).containsText("Locked");
            assertThat(buttonIn(row(page, "demo-user1"), Names.EN.unlock())).hasCount(0);

            buttonIn(row(page, id.loginId()), Names.EN.unlock()).click();
            assertThat(heading1(page)).hasText("Unlock a user ID");
            assertThat(page.locator("main")).containsText(id.loginId());
            confirmWith(page, Names.EN, "Not-my-password");
            button(page, Names.EN.unlock()).click();
            assertThat(alert(page)).hasText("The confirmation password is wrong.");
            assertEquals(AccountStatus.LOCKED, status(id.loginId()), "a wrong confirmation password unlocks nothing");
            confirmWith(page, Names.EN, Browsers.LOGIN_PASSWORD);
            button(page, Names.EN.unlock()).click();

            assertThat(heading1(page)).hasText(Names.EN.userManagement());
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(id.loginId());
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("unlocked");
            assertThat(row(page, id.loginId())).containsText("Not locked");
            assertThat(buttonIn(row(page, id.loginId()), Names.EN.unlock())).hasCount(0);
        }
        assertEquals(AccountStatus.ACTIVE, status(id.loginId()));
        try (BrowserContext user = id.browser(Lang.EN)) {
            Page page = user.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.EN, id.loginId(), Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.EN.noticeTitle());
        }
    }

    @Test
    void theAdministratorChangesAUsersContactAddressWithItsOwnPassword() throws Exception {
        Credentials id = newIdWithCertificate("adm-contact");

        try (BrowserContext context = asAdministrator(Lang.EN)) {
            Page page = userManagement(context, Names.EN);
            buttonIn(row(page, id.loginId()), "Change contact").click();
            assertThat(heading1(page)).hasText("Change contact e-mail address");
            assertThat(page.locator("main")).containsText(id.loginId());
            page.getByLabel("Contact e-mail address").fill("changed-by-admin@example.jp");
            page.getByLabel("Language of the notices").selectOption("en");
            confirmWith(page, Names.EN, "Not-my-password");
            button(page, "Change").click();
            assertThat(alert(page)).hasText("The confirmation password is wrong.");
            assertEquals(java.util.Optional.empty(), contactOf(id.loginId()), "a wrong confirmation password changes nothing");

            confirmWith(page, Names.EN, Browsers.LOGIN_PASSWORD);
            button(page, "Change").click();

            assertThat(heading1(page)).hasText(Names.EN.userManagement());
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The contact details of " + id.loginId() + " have been changed.");
            assertThat(buttonIn(row(page, "demo-admin"), "Change contact")).hasCount(0);
        }
        assertEquals(java.util.Optional.of("changed-by-admin@example.jp (en)"), contactOf(id.loginId()));
    }

    private static java.util.Optional<String> contactOf(String loginId) {
        return system.bean(certrenewal.application.port.out.ContactPort.class).loadContact(new LoginId(loginId))
                .map(c -> c.address().value() + " (" + c.language().tag() + ")");
    }

    @Test
    void aUserIdHasNoUserManagementAndIsRefusedItsScreens() throws Exception {
        try (BrowserContext context = browsers.withPkcs12(system, Lang.JA, system.demo("demo-user1.p12"), Browsers.DEMO_PKCS12_PASSWORD)) {
            Page page = context.newPage();
            page.navigate(system.url("/login"));
            Browsers.logIn(page, Lang.JA, "demo-user1", Browsers.LOGIN_PASSWORD);
            assertThat(heading1(page)).hasText(Lang.JA.noticeTitle());
            button(page, Lang.JA.toMain()).click();
            assertThat(heading1(page)).hasText(Lang.JA.mainTitle());
            assertThat(button(page, Names.JA.userManagement())).hasCount(0);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Names.JA.userManagement()))).hasCount(0);
            String csrf = page.locator("input[name=_csrf]").first().inputValue();

            for (String path : List.of("/admin/users", "/admin/users/new", "/admin/revoke", "/admin/users/demo-user2/reissue")) {
                Response response = page.navigate(system.url(path));
                assertEquals(403, response.status(), path);
                assertThat(heading1(page)).hasText(Names.JA.forbiddenTitle());
                assertThat(alert(page)).isVisible();
                String body = page.locator("body").innerText();
                assertFalse(body.contains("demo-user2") || body.contains(ADMIN), path + " shows no ID:\n" + body);
            }
            assertEquals(403, postForm(page, "/admin/users", "_csrf=" + csrf
                    + "&loginId=user-made-user&password=demo-password&passwordConfirm=demo-password"));
            assertEquals(403, postForm(page, "/admin/users/demo-user2/reissue", "_csrf=" + csrf + "&password=demo-password"));
        }
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId("user-made-user")).isEmpty());
        assertEquals(CertificateStatus.ACTIVE, storedStatus(Browsers.serial(work, system.demo("demo-user2.crt")).toString(16)));
    }

    @Test
    void anIssuancePasswordPastItsDeadlineNoLongerWorks() throws Exception {
        String loginId = "adm-late";
        IssuancePassword granted = system.bean(RegisterUserIdUseCase.class).register(new RegisterUserIdCommand(
                new Actor.SystemTask("test"), new ContractNumber(CONTRACT), new LoginId(loginId), new LoginPassword(Browsers.LOGIN_PASSWORD.toCharArray()), new char[0]));
        MutableClock clock = system.bean(MutableClock.class);
        Instant before = clock.instant();
        clock.set(granted.deadline().plusSeconds(1));
        try {
            String refusal = pickUpRefused(Names.JA, loginId, granted.password());
            assertTrue(refusal.contains("発行パスワード"), refusal);
        } finally {
            clock.set(before);
        }
        // a wrong issuance password is refused just the same; the right one, in time, still works
        assertTrue(pickUpRefused(Names.EN, loginId, "Wrong-issuance-password").contains("issuance password"));
        PickedUp picked = pickUp(Names.JA, loginId, granted.password(), "Pkcs12-Pass-3");
        judgedByOpenSsl(picked, loginId, "Pkcs12-Pass-3");
    }

    @Test
    void declinedConfirmationsLeaveTheIssuancePasswordUsable() throws Exception {
        String loginId = "adm-declined";
        IssuancePassword granted = system.bean(RegisterUserIdUseCase.class).register(new RegisterUserIdCommand(
                new Actor.SystemTask("test"), new ContractNumber(CONTRACT), new LoginId(loginId), new LoginPassword(Browsers.LOGIN_PASSWORD.toCharArray()), new char[0]));
        for (String declined : List.of("key", "save")) {
            try (BrowserContext context = browsers.withoutCertificate(Lang.JA)) {
                Page page = context.newPage();
                List<Download> downloads = new ArrayList<>();
                page.onDownload(downloads::add);
                openTheStartScreen(page, Names.JA, loginId, granted.password());
                fillFilePasswords(page, Lang.JA, "Pkcs12-Pass-4");
                button(page, Names.JA.obtain()).click();
                Locator first = confirmation(page, Lang.JA);
                if (declined.equals("save")) {
                    String firstText = first.innerText();
                    first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.JA.yes()).setExact(true)).click();
                    first = confirmation(page, Lang.JA).filter(new Locator.FilterOptions().setHasNotText(firstText));
                }
                first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Lang.JA.no()).setExact(true)).click();
                assertThat(alert(page)).containsText("中止");
                assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
                assertTrue(downloads.isEmpty(), "nothing saved");
            }
            assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId(loginId)).orElseThrow()
                    .currentCertificateSerial().isEmpty(), "no certificate issued after いいえ at the " + declined + " confirmation");
        }
        judgedByOpenSsl(pickUp(Names.JA, loginId, granted.password(), "Pkcs12-Pass-5"), loginId, "Pkcs12-Pass-5");
    }

    // ----- the administrator's screens -----

    private static BrowserContext asAdministrator(Lang lang) {
        return browsers.withPkcs12(system, lang, system.demo(ADMIN + ".p12"), Browsers.DEMO_PKCS12_PASSWORD);
    }

    /** Logs demo-admin in (its certificate is in the renewal window: the notice first) and opens 利用者管理. */
    private static Page userManagement(BrowserContext context, Names n) {
        Page page = context.newPage();
        page.navigate(system.url("/login"));
        Browsers.logIn(page, n.lang(), ADMIN, Browsers.LOGIN_PASSWORD);
        assertThat(heading1(page)).hasText(n.lang().noticeTitle());
        page.navigate(system.url("/admin/users"));
        assertThat(heading1(page)).hasText(n.userManagement());
        return page;
    }

    /** The table row of this login ID. */
    private static Locator row(Page page, String loginId) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(loginId).setExact(true))));
    }

    private static Locator buttonIn(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void confirmWith(Page page, Names n, String password) {
        page.getByLabel(n.confirmationPassword(), new Page.GetByLabelOptions().setExact(true)).fill(password);
    }

    /** 利用者登録 from 利用者管理; returns the issuance password the next screen shows. */
    private static String registerInTheBrowser(Page page, Names n, String loginId) {
        button(page, n.registerUser()).click();
        assertThat(heading1(page)).hasText(n.registerTitle());
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(n.lang().loginId()).setExact(true)).fill(loginId);
        page.locator("#email").fill(loginId + "@example.jp");
        page.getByLabel(n.initialPassword(), new Page.GetByLabelOptions().setExact(true)).fill("Other-password");
        page.getByLabel(n.initialPasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill("Different-password");
        confirmWith(page, n, Browsers.LOGIN_PASSWORD);
        button(page, n.register()).click();
        assertThat(alert(page)).hasText(n.lang().passwordsDiffer());
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId(loginId)).isEmpty(), "not registered");

        // the administrator's own password is asked for, and a wrong one registers nothing
        page.getByLabel(n.initialPassword(), new Page.GetByLabelOptions().setExact(true)).fill(Browsers.LOGIN_PASSWORD);
        page.getByLabel(n.initialPasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill(Browsers.LOGIN_PASSWORD);
        confirmWith(page, n, "Not-my-password");
        button(page, n.register()).click();
        assertThat(alert(page)).isVisible();
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId(loginId)).isEmpty(), "not registered");

        page.getByLabel(n.initialPassword(), new Page.GetByLabelOptions().setExact(true)).fill(Browsers.LOGIN_PASSWORD);
        page.getByLabel(n.initialPasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill(Browsers.LOGIN_PASSWORD);
        confirmWith(page, n, Browsers.LOGIN_PASSWORD);
        Response reply = page.waitForResponse(r -> r.request().method().equals("POST") && r.url().equals(system.url("/admin/users")),
                () -> button(page, n.register()).click());
        assertEquals(200, reply.status(), "rendered in the reply to the POST, not redirected to a URL of its own");
        assertTrue(reply.headerValue("cache-control").contains("no-store"), reply.headerValue("cache-control"));
        assertThat(heading1(page)).hasText(n.issuedTitle());
        assertEquals(loginId + "@example.jp", system.bean(certrenewal.application.port.out.ContactPort.class)
                .loadContact(new LoginId(loginId)).orElseThrow().address().value(), "the contact address typed");
        return issuancePasswordShown(page, loginId);
    }

    /** The issuance password on its screen, with its deadline 80 days on; never in the URL. */
    private static String issuancePasswordShown(Page page, String loginId) {
        String password = page.locator("#issuance-password").innerText().strip();
        assertTrue(password.matches("[A-Za-z0-9]{16}"), "issuance password " + password);
        assertFalse(page.url().contains(password), page.url());
        String text = page.locator("main").innerText();
        assertTrue(text.contains(loginId), text);
        Instant deadline = Instant.parse(page.locator("time.deadline").getAttribute("datetime"));
        Instant expected = system.bean(MutableClock.class).instant().plus(Duration.ofDays(80));
        assertTrue(Duration.between(expected, deadline).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "deadline " + deadline + ", expected about " + expected);
        return password;
    }

    /** A form POST from the page itself (its TLS connection and cookies), without following redirects; the status. */
    private static int postForm(Page page, String path, String body) {
        Object status = page.evaluate("async ([url, body]) => (await fetch(url, { method: 'POST', redirect: 'manual',"
                + " headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })).status", List.of(path, body));
        return ((Number) status).intValue();
    }

    // ----- 証明書取得 -----

    private record PickedUp(Path file, BigInteger serial, String completeText) {
    }

    private static void openTheStartScreen(Page page, Names n, String loginId, String issuancePassword) {
        page.navigate(system.url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(n.pickupLink()).setExact(true)).click();
        assertThat(heading1(page)).hasText(n.pickupTitle());
        fillPickupForm(page, n, loginId, issuancePassword);
        assertThat(heading1(page)).hasText(n.pickupStartTitle());
        assertThat(page).hasURL(system.url("/pickup/start"));
        Browsers.untilScriptsHaveRun(page);
    }

    private static void fillPickupForm(Page page, Names n, String loginId, String issuancePassword) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(n.lang().loginId()).setExact(true)).fill(loginId);
        page.getByLabel(n.lang().loginPassword(), new Page.GetByLabelOptions().setExact(true)).fill(Browsers.LOGIN_PASSWORD);
        page.getByLabel(n.issuancePassword(), new Page.GetByLabelOptions().setExact(true)).fill(issuancePassword);
        button(page, n.next()).click();
    }

    private static void fillFilePasswords(Page page, Lang lang, String password) {
        page.getByLabel(lang.filePassword(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel(lang.filePasswordConfirmation(), new Page.GetByLabelOptions().setExact(true)).fill(password);
    }

    private static Locator confirmation(Page page, Lang lang) {
        Locator dialog = page.getByRole(AriaRole.DIALOG).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(lang.confirmTitle()))));
        assertThat(dialog).isVisible();
        return dialog;
    }

    /**
     * 証明書取得 in a browser without any client certificate, from the login screen's link to the
     * download and the completion screen; only the certificate request leaves the browser.
     */
    private PickedUp pickUp(Names n, String loginId, String issuancePassword, String pkcs12Password) throws Exception {
        Lang lang = n.lang();
        try (BrowserContext context = browsers.withoutCertificate(lang)) {
            Page page = context.newPage();
            List<Request> sent = new ArrayList<>();
            page.onRequest(sent::add);
            openTheStartScreen(page, n, loginId, issuancePassword);
            int sentBefore = sent.size();
            fillFilePasswords(page, lang, pkcs12Password);
            button(page, n.obtain()).click();

            Locator first = confirmation(page, lang);
            String firstText = first.innerText();
            assertTrue(Pattern.compile(lang.keyPairSays()).matcher(firstText).find(), firstText);
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(lang.yes()).setExact(true)).click();
            Locator second = confirmation(page, lang).filter(new Locator.FilterOptions().setHasNotText(firstText));
            assertTrue(Pattern.compile(lang.certificateSavedSays()).matcher(second.innerText()).find(), second.innerText());
            Download download = page.waitForDownload(() -> second.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(lang.yes()).setExact(true)).click());

            Matcher name = Pattern.compile(Pattern.quote(loginId) + "-([0-9a-f]+)\\.p12").matcher(download.suggestedFilename());
            assertTrue(name.matches(), "file name " + download.suggestedFilename());
            Path file = work.resolve(download.suggestedFilename());
            download.saveAs(file);
            assertThat(heading1(page)).hasText(lang.completeTitle());
            assertThat(page).hasURL(system.url("/pickup/complete"));
            assertThat(button(page, lang.closeWindow())).isVisible();

            List<Request> posted = sent.subList(sentBefore, sent.size()).stream().filter(r -> r.method().equals("POST")).toList();
            assertEquals(List.of(system.url("/pickup/request")), posted.stream().map(Request::url).toList());
            String body = posted.getFirst().postData();
            assertTrue(body.matches("\\{\"csr\":\"[A-Za-z0-9+/=]+\"}"), "only the certificate request is sent: " + body);
            return new PickedUp(file, new BigInteger(name.group(1), 16), page.locator("main").innerText());
        }
    }

    /** 証明書取得 refused at its first screen; the alert. */
    private static String pickUpRefused(Names n, String loginId, String issuancePassword) {
        try (BrowserContext context = browsers.withoutCertificate(n.lang())) {
            Page page = context.newPage();
            page.navigate(system.url("/pickup"));
            fillPickupForm(page, n, loginId, issuancePassword);
            assertThat(alert(page)).isVisible();
            assertThat(heading1(page)).hasText(n.pickupTitle());
            return alert(page).innerText();
        }
    }

    /** OpenSSL opens the saved file, verifies the certificate as the bank's client certificate of this ID. */
    private Path judgedByOpenSsl(PickedUp picked, String loginId, String password) throws Exception {
        String p12 = picked.file().toString();
        String pass = "pass:" + password;
        String all = run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-nodes");
        assertTrue(all.contains("-----BEGIN PRIVATE KEY-----"), all);
        assertNotEquals(0, Browsers.exitCode(work, "openssl", "pkcs12", "-in", p12, "-passin", "pass:wrong-password", "-nodes"));
        String crt = loginId + "-picked.crt";
        String key = loginId + "-picked.key";
        run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-clcerts", "-nokeys", "-out", crt);
        run(work, "openssl", "pkcs12", "-in", p12, "-passin", pass, "-nocerts", "-nodes", "-out", key);
        String verify = run(work, "openssl", "verify", "-CAfile", system.demo("ca.crt").toString(), "-purpose", "sslclient", crt);
        assertTrue(verify.contains(crt + ": OK"), verify);
        assertEquals(run(work, "openssl", "x509", "-noout", "-pubkey", "-in", crt), run(work, "openssl", "pkey", "-pubout", "-in", key));
        String subject = run(work, "openssl", "x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", crt);
        assertTrue(subject.contains("CN=" + loginId) && subject.contains("OU=" + CONTRACT) && subject.contains("O=Demo Trading Co."), subject);
        Path path = work.resolve(crt);
        assertEquals(picked.serial(), Browsers.serial(work, path), "the serial in the file name");
        assertTrue(hexOnly(picked.completeText()).contains(picked.serial().toString(16)), picked.completeText());
        assertTrue(hexOnly(picked.completeText()).contains(Browsers.sha256Fingerprint(work, path)), picked.completeText());
        assertEquals(CertificateStatus.ACTIVE, storedStatus(picked.serial().toString(16)));
        return path;
    }

    // ----- IDs and what is stored -----

    private record Credentials(String loginId, String serial, Path cert, Path key) {
        BrowserContext browser(Lang lang) {
            return browsers.withPem(system, lang, cert, key);
        }
    }

    /** A new user ID of the demo contract with a certificate of 30 days (key made by OpenSSL) and the login password. */
    private Credentials newIdWithCertificate(String name) throws Exception {
        LoginId loginId = new LoginId(name);
        new TestIds(system).userId(new ContractNumber(CONTRACT), loginId, Browsers.LOGIN_PASSWORD);
        run(work, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-subj", "/CN=" + name, "-outform", "DER", "-out", name + ".csr.der");
        IssuedCertificate issued = new TestIds(system).firstCertificate(loginId,
                Files.readAllBytes(work.resolve(name + ".csr.der")), Duration.ofDays(30));
        Path der = Files.write(work.resolve(name + ".crt.der"), issued.certificate().der());
        run(work, "openssl", "x509", "-inform", "DER", "-in", der.toString(), "-out", name + ".crt");
        return new Credentials(name, issued.certificate().serial().hex(), work.resolve(name + ".crt"), work.resolve(name + ".key"));
    }

    private static CertificateStatus storedStatus(String serialHex) {
        return system.bean(LoadCertificatePort.class).loadCertificate(SerialNumber.ofHex(serialHex)).orElseThrow().storedStatus();
    }

    private static AccountStatus status(String loginId) {
        return system.bean(LoadAccountPort.class).loadAccount(new LoginId(loginId)).orElseThrow().status();
    }
}
