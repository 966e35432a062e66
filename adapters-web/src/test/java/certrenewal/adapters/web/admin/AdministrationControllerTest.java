package certrenewal.adapters.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdministrationControllerTest extends WebTest {
    private static final LoginIdSummary ADMIN = Samples.summary("web-admin", IdKind.ADMINISTRATOR, AccountStatus.ACTIVE, CertificateStatus.ACTIVE);
    private static final LoginIdSummary ACTIVE = Samples.summary("user-active", IdKind.USER, AccountStatus.ACTIVE, CertificateStatus.ACTIVE);
    private static final LoginIdSummary LOCKED = Samples.summary("user-locked", IdKind.USER, AccountStatus.LOCKED, CertificateStatus.ACTIVE);
    private static final LoginIdSummary REVOKED_CERTIFICATE = Samples.summary("user-revoked", IdKind.USER, AccountStatus.ACTIVE,
            CertificateStatus.REVOKED);
    private static final LoginIdSummary PENDING = Samples.summary("user-pending", IdKind.USER, AccountStatus.ACTIVE, null);
    private static final LoginIdSummary WITHDRAWN = Samples.summary("user-withdrawn", IdKind.USER, AccountStatus.REVOKED,
            CertificateStatus.REVOKED);
    /** Every screen of 利用者管理, as a method and a path, with what a POST carries besides the token. */
    private static final List<String[]> SCREENS = List.of(
            new String[] {"GET", "/admin/users"}, new String[] {"GET", "/admin/users/new"},
            new String[] {"POST", "/admin/users", "loginId", "new-user", "password", "Initial-Pass-1", "passwordConfirm", "Initial-Pass-1"},
            new String[] {"POST", "/admin/users/user-locked/unlock"},
            new String[] {"GET", "/admin/users/user-active/reissue"},
            new String[] {"POST", "/admin/users/user-active/reissue", "password", Samples.LOGIN_PASSWORD},
            new String[] {"GET", "/admin/revoke?loginId=user-active"},
            new String[] {"POST", "/admin/revoke", "loginId", "user-active", "reason", "KEY_COMPROMISE", "password", Samples.LOGIN_PASSWORD},
            new String[] {"GET", "/admin/revoke/result"},
            new String[] {"GET", "/admin/users/user-active/contact"},
            new String[] {"POST", "/admin/users/user-active/contact", "email", "new@example.jp", "password", Samples.LOGIN_PASSWORD});

    private final Actor.CustomerAdministrator admin = new Actor.CustomerAdministrator(server.administrator.who().loginId(),
            Samples.CONTRACT);

    @BeforeEach
    void theContractsIds() {
        fakes.listIds.returns(List.of(ADMIN, ACTIVE, LOCKED, REVOKED_CERTIFICATE, PENDING, WITHDRAWN));
    }

    // ---- who may use 利用者管理

    @Test
    void everyScreenLeadsAVisitorWithoutASessionToTheLoginAndChangesNothing() {
        for (String[] screen : SCREENS) {
            Reply reply = request(server.browser(server.administrator.certificate(), "ja"), screen, "any-token");
            assertEquals("/login", reply.location(), String.join(" ", screen));
        }
        assertNothingChanged();
        assertFalse(fakes.listIds.called());
    }

    @Test
    void aUserIdGets403OnEveryScreenAndChangesNothing() {
        for (String language : List.of("ja", "en")) {
            Browser user = server.signedIn(server.user, language);
            fakes.listIds.returns(List.of(ADMIN, ACTIVE, LOCKED));
            for (String[] screen : SCREENS) {
                Reply reply = request(user, screen, user.csrf());
                assertEquals(403, reply.status(), String.join(" ", screen) + ": " + reply);
                assertEquals(Texts.of(language, "admin.forbidden.title"), reply.h1());
                assertEquals(Texts.of(language, "rejection.NOT_PERMITTED"), reply.alert());
            }
            assertFalse(fakes.listIds.called(), "not even the list is read for a user ID");
        }
        assertNothingChanged();
    }

    @ParameterizedTest
    @CsvSource({"CERTIFICATE_REVOKED, ja", "CERTIFICATE_SUPERSEDED, en", "CERTIFICATE_EXPIRED, ja", "LOCKED, en",
            "WITHDRAWN, ja", "LIFETIME_OVER, en"})
    void aSessionThatMayNotGoOnEndsAtTheNextRequestAndTheLoginSaysWhy(SessionEnd end, String language) {
        for (String[] screen : SCREENS) {
            Browser browser = server.signedIn(server.administrator, language);
            String token = browser.csrf();
            fakes.customerSession.returns(Optional.of(end));

            Reply reply = request(browser, screen, token);

            String code = end.name().toLowerCase(Locale.ROOT).replace('_', '-');
            assertEquals("/login?ended=" + code, reply.location(), String.join(" ", screen));
            assertEquals(server.administrator.who(), fakes.customerSession.onlyCall());
            fakes.customerSession.returns(Optional.empty());
            assertEquals("/login?expired=1", browser.get("/admin/users").location(), "the session is gone");
            assertEquals(Texts.of(language, "session.ended." + code), browser.get(reply.location()).alert());
        }
        assertNothingChanged();
        assertFalse(fakes.listIds.called());
    }

    @Test
    void aRefusalOfTheListIsShownWithItsStatus() {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.listIds.refuses(Code.NOT_PERMITTED);

        Reply reply = browser.get("/admin/users");

        assertEquals(403, reply.status());
        assertEquals("この操作は許可されていません。", reply.alert());
    }

    // ---- 利用者管理

    @Test
    void theListShowsTheContractsIdsWithTheActionsEachOneOffers() {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.listIds.returns(List.of(ADMIN, ACTIVE, LOCKED, REVOKED_CERTIFICATE, PENDING, WITHDRAWN));

        Reply reply = browser.get("/admin/users");

        assertEquals(200, reply.status());
        assertEquals("利用者管理", reply.h1());
        assertEquals(new Fakes.OnContract(admin, Samples.CONTRACT), fakes.listIds.onlyCall());
        assertActions(reply, ADMIN);
        assertTrue(row(reply, ADMIN).contains("当行にご依頼ください"), "the bank re-issues and unlocks administrator IDs");
        assertActions(reply, ACTIVE, "reissue", "revoke");
        assertActions(reply, LOCKED, "reissue", "revoke", "unlock");
        assertActions(reply, REVOKED_CERTIFICATE, "reissue");
        assertActions(reply, PENDING, "reissue");
        assertActions(reply, WITHDRAWN);
        assertTrue(row(reply, ACTIVE).contains("2026/04/21 09:00 JST"), row(reply, ACTIVE));
        assertTrue(row(reply, PENDING).contains("取得待ち"), row(reply, PENDING));
    }

    // ---- ロック解除

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void unlockingWithoutTheSessionsTokenIsRefusedAndUnlocksNothing(String token) {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.listIds.returns(List.of(ADMIN, LOCKED));

        Reply reply = browser.post("/admin/users/user-locked/unlock", "_csrf", token, "from", "elsewhere");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertFalse(fakes.unlock.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-admin", "someone-else", "other-contract-user", "%E3%81%82", "x..y"})
    void onlyTheContractsOwnUserIdsCanBeUnlocked(String loginId) {
        Browser browser = server.signedIn(server.administrator, "en");
        fakes.listIds.returns(List.of(ADMIN, LOCKED));

        Reply reply = browser.post("/admin/users/" + loginId + "/unlock", "_csrf", browser.csrf());

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("The login ID was not found.", reply.alert());
        assertFalse(fakes.unlock.called());
    }

    @Test
    void unlockingReturnsToTheListWhichSaysSoOnce() {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.listIds.returns(List.of(ADMIN, LOCKED));
        fakes.unlock.succeeds();

        Reply reply = browser.post("/admin/users/user-locked/unlock", "_csrf", browser.csrf(), "password", ADMINS_OWN_PASSWORD);

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/admin/users", reply.location());
        assertEquals(new Fakes.Unlock(admin, LOCKED.loginId(), ADMINS_OWN_PASSWORD), fakes.unlock.onlyCall());
        assertEquals("user-locked のロックを解除しました。", browser.get("/admin/users").notice());
        assertEquals("", browser.get("/admin/users").notice(), "said once");
    }

    @Test
    void theUnlockFormAsksForTheAdministratorsOwnPassword() {
        fakes.listIds.returns(List.of(ADMIN, LOCKED));

        Reply form = server.signedIn(server.administrator, "ja").get("/admin/users/user-locked/unlock");

        assertEquals(200, form.status(), form.toString());
        assertEquals("ロック解除", form.h1());
        assertTrue(form.text().contains("user-locked"), form.text());
        assertTrue(form.body().contains("name=\"password\" type=\"password\" autocomplete=\"current-password\""), form.body());
        assertTrue(form.text().contains("管理者ご自身のログインパスワード"), form.text());
        assertFalse(fakes.unlock.called());
    }

    @ParameterizedTest
    @CsvSource({"NOT_LOCKED, 409", "NOT_PERMITTED, 403", "UNKNOWN_LOGIN_ID, 404", "WRONG_CONFIRMATION_PASSWORD, 403",
            "ID_LOCKED, 403"})
    void aRefusedUnlockSaysWhyOnItsForm(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.administrator, language);
            fakes.listIds.returns(List.of(ADMIN, LOCKED));
            fakes.unlock.refuses(code);

            Reply reply = browser.post("/admin/users/user-locked/unlock", "_csrf", browser.csrf(), "password", "typo");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "admin.unlock.title"), reply.h1());
        }
    }

    // ---- 連絡先の変更

    @Test
    void eachUserRowOffersTheContactChangeAndTheAdministratorsOwnRowDoesNot() {
        Reply list = server.signedIn(server.administrator, "ja").get("/admin/users");

        assertTrue(row(list, ACTIVE).contains("action=\"/admin/users/user-active/contact\""), row(list, ACTIVE));
        assertTrue(row(list, LOCKED).contains("/contact\""), row(list, LOCKED));
        assertFalse(row(list, ADMIN).contains("/contact\""), "its own address is changed in 設定");
    }

    @Test
    void theContactFormShowsTheUsersCurrentAddressAndAsksForTheAdministratorsOwnPassword() {
        fakes.idContact.returns(Optional.of(new ContactDetails(ACTIVE.loginId(), new EmailAddress("active@example.jp"),
                NoticeLanguage.EN)));

        Reply form = server.signedIn(server.administrator, "ja").get("/admin/users/user-active/contact");

        assertEquals(200, form.status(), form.toString());
        assertEquals("連絡先メールアドレスの変更", form.h1());
        assertTrue(form.body().contains("value=\"active@example.jp\""), form.body());
        assertTrue(form.body().contains("<option value=\"en\" selected=\"selected\""), form.body());
        assertTrue(form.body().contains("name=\"password\" type=\"password\" autocomplete=\"current-password\""));
        assertEquals(new Fakes.OnId(admin, ACTIVE.loginId()), fakes.idContact.onlyCall());
    }

    @Test
    void changingAUsersAddressPassesTheAdministratorsPasswordAndTheListSaysSoOnce() {
        fakes.changeIdContact.succeeds();
        Browser browser = server.signedIn(server.administrator, "en");

        Reply reply = browser.post("/admin/users/user-active/contact", "_csrf", browser.csrf(), "email", " New@Example.JP ",
                "language", "en", "password", ADMINS_OWN_PASSWORD);

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/admin/users", reply.location());
        assertEquals(new Fakes.ChangeIdContact(admin, ACTIVE.loginId(), "New@example.jp", "en", ADMINS_OWN_PASSWORD),
                fakes.changeIdContact.onlyCall());
        assertEquals("The contact details of user-active have been changed.", browser.get("/admin/users").notice());
        assertEquals("", browser.get("/admin/users").notice(), "said once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "a b@example.jp", "a@example.jp\r\nBcc: x@example.jp"})
    void anAddressThatIsNoneIsToldInBothLanguagesAndChangesNothing(String email) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.administrator, language);

            Reply reply = browser.post("/admin/users/user-active/contact", "_csrf", browser.csrf(), "email", email,
                    "password", ADMINS_OWN_PASSWORD);

            assertEquals(400, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "admin.register.badEmail"), reply.alert());
            assertFalse(reply.body().contains(ADMINS_OWN_PASSWORD), "the password is never sent back");
        }
        assertFalse(fakes.changeIdContact.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-admin", "someone-else", "other-contract-user"})
    void onlyTheContractsOwnUserIdsAddressesCanBeChanged(String loginId) {
        Browser browser = server.signedIn(server.administrator, "en");

        Reply form = browser.get("/admin/users/" + loginId + "/contact");
        Reply posted = browser.post("/admin/users/" + loginId + "/contact", "_csrf", browser.csrf(), "email", "x@example.jp",
                "password", ADMINS_OWN_PASSWORD);

        assertEquals(404, form.status(), form.toString());
        assertEquals(404, posted.status(), posted.toString());
        assertEquals("The login ID was not found.", posted.alert());
        assertFalse(fakes.changeIdContact.called() || fakes.idContact.called());
    }

    @ParameterizedTest
    @CsvSource({"WRONG_CONFIRMATION_PASSWORD, 403", "ID_LOCKED, 403", "NOT_PERMITTED, 403"})
    void aRefusedChangeSaysWhyOnItsFormKeepingTheEntry(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.administrator, language);
            fakes.changeIdContact.refuses(code);

            Reply reply = browser.post("/admin/users/user-active/contact", "_csrf", browser.csrf(), "email", "new@example.jp",
                    "password", "typo");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "admin.contact.title"), reply.h1());
            assertTrue(reply.body().contains("value=\"new@example.jp\""));
        }
    }

    @Test
    void changingWithoutTheSessionsTokenChangesNothing() {
        Browser browser = server.signedIn(server.administrator, "ja");

        Reply reply = browser.post("/admin/users/user-active/contact", "_csrf", "forged", "email", "new@example.jp",
                "password", ADMINS_OWN_PASSWORD);

        assertEquals(403, reply.status(), reply.toString());
        assertFalse(fakes.changeIdContact.called());
    }

    @Test
    void registeringPassesTheAdministratorsOwnPasswordAndARefusedOneSaysWhy() {
        Browser browser = server.signedIn(server.administrator, "en");
        fakes.register.refuses(Code.WRONG_CONFIRMATION_PASSWORD);

        Reply reply = browser.post("/admin/users", "_csrf", browser.csrf(), "loginId", "new-user", "password", "Initial-Pass-1",
                "passwordConfirm", "Initial-Pass-1", "ownPassword", "typo", "email", "new-user@example.jp");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals(Texts.of("en", "rejection.WRONG_CONFIRMATION_PASSWORD"), reply.alert());
        assertEquals("typo", fakes.register.onlyCall().confirmationPassword());
        assertTrue(browser.get("/admin/users/new").body().contains("name=\"ownPassword\""));
    }

    // ---- 利用者登録

    @Test
    void theRegistrationFormAsksForTheIdAndItsInitialPasswordTwice() {
        Reply form = server.signedIn(server.administrator, "en").get("/admin/users/new");

        assertEquals(200, form.status());
        assertEquals("Register a user", form.h1());
        assertTrue(form.body().contains("name=\"passwordConfirm\""));
        assertEquals(2, form.body().split("minlength=\"8\"", -1).length - 1, "the browser knows the domain's minimum too");
    }

    @Test
    void theNewIdsContactAddressAndLanguageGoWithTheRegistrationAndABadAddressRegistersNothing() {
        Browser browser = server.signedIn(server.administrator, "ja");
        assertTrue(browser.get("/admin/users/new").body().contains("name=\"email\""));

        Reply bad = browser.post("/admin/users", "_csrf", browser.csrf(), "loginId", "new-user", "password", "Initial-Pass-1",
                "passwordConfirm", "Initial-Pass-1", "ownPassword", ADMINS_OWN_PASSWORD, "email", "new-user@", "language", "en");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(Texts.of("ja", "admin.register.badEmail"), bad.alert());
        assertEquals(0, fakes.register.calls().size());

        fakes.register.returns(Samples.issuancePassword());
        register(browser, "new-user", "Initial-Pass-1", "Initial-Pass-1");
        assertEquals("new-user@example.jp", fakes.register.onlyCall().email());
        assertEquals("en", fakes.register.onlyCall().language());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void registeringWithoutTheSessionsTokenIsRefusedAndRegistersNothing(String token) {
        Browser browser = server.signedIn(server.administrator, "ja");

        Reply reply = registerWithToken(browser, token, "new-user", "Initial-Pass-1", "Initial-Pass-1");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertFalse(fakes.register.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "new user", "新しい利用者", "a-login-id-that-is-longer-than-32-chars", "new/user"})
    void registerRefusesWhatIsNoLoginIdWithoutCallingTheUseCase(String typed) {
        Reply japanese = register(server.signedIn(server.administrator, "ja"), typed, "Initial-Pass-1", "Initial-Pass-1");
        Reply english = register(server.signedIn(server.administrator, "en"), typed, "Initial-Pass-1", "Initial-Pass-1");

        assertEquals(400, japanese.status(), japanese.toString());
        assertEquals("ログインIDは半角英数字と「.」「_」「-」で1〜32文字にしてください。", japanese.alert());
        assertEquals(400, english.status());
        assertEquals("Use 1 to 32 letters, digits, “.”, “_” or “-” for the login ID.", english.alert());
        assertFalse(fakes.register.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "Seven-7", "😀😀😀😀"})
    void registerRefusesAShortPasswordWithoutCallingTheUseCase(String password) {
        Reply japanese = register(server.signedIn(server.administrator, "ja"), "new-user", password, password);
        Reply english = register(server.signedIn(server.administrator, "en"), "new-user", password, password);

        assertEquals(400, japanese.status(), japanese.toString());
        assertEquals("ログインパスワードは8文字以上にしてください。", japanese.alert());
        assertTrue(japanese.body().contains("value=\"new-user\""), "the typed ID is kept");
        assertFalse(japanese.body().contains(password.isEmpty() ? "\u0000" : password), "the password is never sent back");
        assertEquals(400, english.status());
        assertEquals("Use a login password of at least 8 characters.", english.alert());
        assertFalse(fakes.register.called());
    }

    @Test
    void registerCountsAPasswordsCharactersAsAPersonDoes() {
        fakes.register.returns(Samples.issuancePassword());
        String eightCharacters = "𠮷𠮷𠮷𠮷pass";

        Reply reply = register(server.signedIn(server.administrator, "ja"), "new-user", eightCharacters, eightCharacters);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(eightCharacters, fakes.register.onlyCall().initialPassword());
    }

    @Test
    void registerRefusesPasswordsThatDifferWithoutCallingTheUseCase() {
        Reply japanese = register(server.signedIn(server.administrator, "ja"), "new-user", "Initial-Pass-1", "Initial-Pass-2");
        Reply english = register(server.signedIn(server.administrator, "en"), "new-user", "Initial-Pass-1", "");

        assertEquals(400, japanese.status());
        assertEquals("パスワードが一致しません。", japanese.alert());
        assertEquals("The passwords do not match.", english.alert());
        assertFalse(fakes.register.called());
    }

    @Test
    void aRegisteredIdsIssuancePasswordIsShownInTheReplyOnly() {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.register.returns(Samples.issuancePassword());

        Reply reply = register(browser, " new-user ", "Initial-Pass-1", "Initial-Pass-1");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("発行パスワード", reply.h1());
        assertEquals("利用者ID new-user を登録しました。", reply.notice());
        assertTrue(reply.body().contains("id=\"issuance-password\"") && reply.text().contains("Abcdefgh23456789"), reply.body());
        assertTrue(reply.text().contains("2026/06/20 09:00 JST"), reply.text());
        assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
        assertEquals(new Fakes.Register(admin, Samples.CONTRACT, new LoginId("new-user"), "Initial-Pass-1",
                ADMINS_OWN_PASSWORD, "new-user@example.jp", "en"), fakes.register.onlyCall());
    }

    @ParameterizedTest
    @CsvSource({"LOGIN_ID_EXISTS, 409", "NOT_PERMITTED, 403", "UNKNOWN_CONTRACT, 404"})
    void aRefusedRegistrationSaysWhyOnTheForm(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            fakes.register.refuses(code);

            Reply reply = register(server.signedIn(server.administrator, language), "new-user", "Initial-Pass-1", "Initial-Pass-1");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "admin.register.title"), reply.h1());
        }
    }

    // ---- 再発行

    @Test
    void theReissueFormShowsTheUserIdAndItsCertificate() {
        Reply form = server.signedIn(server.administrator, "ja").get("/admin/users/user-active/reissue");

        assertEquals(200, form.status());
        assertEquals("証明書再発行", form.h1());
        assertTrue(form.text().contains("user-active") && form.text().contains(ACTIVE.serial().hex()), form.text());
    }

    @ParameterizedTest
    @CsvSource({"GET, web-admin", "GET, nobody", "POST, web-admin", "POST, nobody", "POST, %E3%81%82"})
    void onlyTheContractsOwnUserIdsCanBeReissued(String method, String loginId) {
        Browser browser = server.signedIn(server.administrator, "ja");
        String path = "/admin/users/" + loginId + "/reissue";

        Reply reply = method.equals("GET") ? browser.get(path) : browser.post(path, "_csrf", browser.csrf(), "password", "x");

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("ログインIDが見つかりません。", reply.alert());
        assertFalse(fakes.reissue.called());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void reissuingWithoutTheSessionsTokenIsRefusedAndChangesNothing(String token) {
        Browser browser = server.signedIn(server.administrator, "ja");

        Reply reply = browser.post("/admin/users/user-active/reissue", "_csrf", token, "password", Samples.LOGIN_PASSWORD);

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertEquals("証明書再発行", reply.h1());
        assertFalse(fakes.reissue.called());
    }

    @Test
    void aReissuedIdsIssuancePasswordIsShownInTheReplyOnly() {
        Browser browser = server.signedIn(server.administrator, "en");
        fakes.reissue.returns(Samples.issuancePassword());

        Reply reply = browser.post("/admin/users/user-active/reissue", "_csrf", browser.csrf(), "password", Samples.LOGIN_PASSWORD);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("The certificate of user ID user-active has been revoked and a new one can be obtained.", reply.notice());
        assertTrue(reply.text().contains("Abcdefgh23456789"));
        assertEquals(new Fakes.Reissue(admin, ACTIVE.loginId(), Samples.LOGIN_PASSWORD), fakes.reissue.onlyCall());
    }

    @ParameterizedTest
    @CsvSource({"WRONG_CONFIRMATION_PASSWORD, 403", "ID_REVOKED, 403", "NOT_PERMITTED, 403"})
    void aRefusedReissueSaysWhyOnTheForm(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.administrator, language);
            fakes.reissue.refuses(code);

            Reply reply = browser.post("/admin/users/user-active/reissue", "_csrf", browser.csrf(), "password", "Wrong-1");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "admin.reissue.title"), reply.h1());
        }
    }

    // ---- 失効

    @Test
    void theRevocationFormOffersTheUsersWithACertificateInForceAndTheDomainsReasons() {
        Reply form = server.signedIn(server.administrator, "ja").get("/admin/revoke?loginId=user-locked");

        assertEquals(200, form.status());
        assertEquals("証明書失効", form.h1());
        assertEquals(List.of("user-active", "user-locked"), form.options("target"));
        assertTrue(form.body().contains("<option value=\"user-locked\" selected=\"selected\""), "preselected from the list's row");
        List<String> reasons = RevocationReason.selectable().stream().map(Enum::name).toList();
        assertEquals(concat("", reasons), form.options("reason"), "a prompt, then the domain's reasons in its order");
        assertTrue(form.text().contains("鍵の危殆化（漏えいのおそれ）"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void revokingWithoutTheSessionsTokenIsRefusedAndRevokesNothing(String token) {
        Browser browser = server.signedIn(server.administrator, "ja");

        Reply reply = revokeWithToken(browser, token, "user-active", "KEY_COMPROMISE");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertFalse(fakes.revoke.called());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "SUPERSEDED", "key_compromise", "NO_SUCH_REASON"})
    void revokingWithoutAReasonAPersonMayChooseIsRefusedWithoutCallingTheUseCase(String reason) {
        Reply japanese = revoke(server.signedIn(server.administrator, "ja"), "user-active", reason);
        Reply english = revoke(server.signedIn(server.administrator, "en"), "user-active", reason);

        assertEquals(400, japanese.status(), japanese.toString());
        assertEquals("失効理由を選んでください。", japanese.alert());
        assertEquals("Choose the reason for the revocation.", english.alert());
        assertFalse(fakes.revoke.called());
    }

    @ParameterizedTest
    @CsvSource(value = {"user-revoked, NO_CERTIFICATE, 404", "user-pending, NO_CERTIFICATE, 404",
            "web-admin, UNKNOWN_LOGIN_ID, 404", "nobody, UNKNOWN_LOGIN_ID, 404", "NULL, UNKNOWN_LOGIN_ID, 404"}, nullValues = "NULL")
    void revokingAnIdTheFormDoesNotOfferIsRefusedWithoutCallingTheUseCase(String loginId, Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Reply reply = revoke(server.signedIn(server.administrator, language), loginId, "KEY_COMPROMISE");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
        }
        assertFalse(fakes.revoke.called());
    }

    @ParameterizedTest
    @CsvSource({"WRONG_CONFIRMATION_PASSWORD, 403", "CERTIFICATE_REVOKED, 403", "NOT_PERMITTED, 403"})
    void aRefusedRevocationSaysWhyAndKeepsTheChoices(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            fakes.revoke.refuses(code);

            Reply reply = revoke(server.signedIn(server.administrator, language), "user-locked", "AFFILIATION_CHANGED");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertTrue(reply.body().contains("<option value=\"user-locked\" selected=\"selected\""), reply.body());
            assertTrue(reply.body().contains("<option value=\"AFFILIATION_CHANGED\" selected=\"selected\""), reply.body());
        }
    }

    @Test
    void aRevocationLeadsToItsResult() {
        Browser browser = server.signedIn(server.administrator, "ja");
        fakes.revoke.succeeds();

        Reply reply = revoke(browser, "user-active", "CESSATION_OF_OPERATION");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/admin/revoke/result", reply.location());
        assertEquals(new Fakes.Revoke(admin, ACTIVE.serial(), RevocationReason.CESSATION_OF_OPERATION, Samples.LOGIN_PASSWORD),
                fakes.revoke.onlyCall());
        Reply result = browser.get("/admin/revoke/result");
        assertEquals(200, result.status());
        assertEquals("失効結果", result.h1());
        String text = result.text();
        assertTrue(text.contains("user-active") && text.contains(ACTIVE.serial().hex()) && text.contains("利用の終了"), text);
        assertTrue(text.contains("2026/04/01 09:00 JST"), "revoked at the server's time: " + text);
    }

    @Test
    void theResultWithoutARevocationLeadsToTheList() {
        assertEquals("/admin/users", server.signedIn(server.administrator, "ja").get("/admin/revoke/result").location());
    }

    // ----

    /** 利用者登録 posted with the session's token. */
    private static final String ADMINS_OWN_PASSWORD = "admins-own-password";

    private static Reply register(Browser browser, String loginId, String password, String confirmation) {
        return registerWithToken(browser, browser.csrf(), loginId, password, confirmation);
    }

    private static Reply registerWithToken(Browser browser, String token, String loginId, String password, String confirmation) {
        return browser.post("/admin/users", "_csrf", token, "loginId", loginId, "password", password, "passwordConfirm", confirmation,
                "ownPassword", ADMINS_OWN_PASSWORD, "email", loginId.strip() + "@example.jp", "language", "en");
    }

    /** 失効 posted with the session's token. */
    private static Reply revoke(Browser browser, String loginId, String reason) {
        return revokeWithToken(browser, browser.csrf(), loginId, reason);
    }

    private static Reply revokeWithToken(Browser browser, String token, String loginId, String reason) {
        return browser.post("/admin/revoke", "_csrf", token, "loginId", loginId, "reason", reason, "password", Samples.LOGIN_PASSWORD);
    }

    /** A request of {@link #SCREENS}: POSTs carry {@code token} and their fields. */
    private static Reply request(Browser browser, String[] screen, String token) {
        if (screen[0].equals("GET")) {
            return browser.get(screen[1]);
        }
        String[] fields = new String[screen.length];
        fields[0] = "_csrf";
        fields[1] = token;
        System.arraycopy(screen, 2, fields, 2, screen.length - 2);
        return browser.post(screen[1], fields);
    }

    private void assertNothingChanged() {
        assertFalse(fakes.register.called() || fakes.unlock.called() || fakes.reissue.called() || fakes.revoke.called()
                || fakes.changeIdContact.called());
    }

    private static String row(Reply reply, LoginIdSummary id) {
        Matcher row = Pattern.compile("<tr data-login-id=\"" + id.loginId() + "\">.*?</tr>", Pattern.DOTALL).matcher(reply.body());
        assertTrue(row.find(), "a row for " + id.loginId());
        return row.group();
    }

    /** The actions a row offers, by the paths of their forms. */
    private static void assertActions(Reply reply, LoginIdSummary id, String... actions) {
        String row = row(reply, id);
        List<String> offered = List.of("reissue", "revoke", "unlock").stream().filter(action -> switch (action) {
            case "reissue" -> row.contains("/admin/users/" + id.loginId() + "/reissue");
            case "revoke" -> row.contains("action=\"/admin/revoke\"");
            default -> row.contains("/admin/users/" + id.loginId() + "/unlock");
        }).toList();
        assertEquals(List.of(actions), offered, id.loginId().value());
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
