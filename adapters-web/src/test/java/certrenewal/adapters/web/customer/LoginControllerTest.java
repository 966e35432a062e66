package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.TestServer;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginControllerTest extends WebTest {

    @Test
    void theRootSendsAVisitorToTheLoginScreenAndASignedInCustomerToTheMainMenu() {
        assertEquals("/login", server.browser(null, "ja").get("/").location());
        assertEquals("/main", server.signedIn(server.user, "ja").get("/").location());
    }

    @Test
    void theLoginScreenIsJapaneseByDefaultAndEnglishWhenTheBrowserPrefersIt() {
        Reply japanese = server.browser(null, null).get("/login");
        assertEquals(200, japanese.status());
        assertEquals("ログイン", japanese.h1());
        assertEquals("Log in", server.browser(null, "en-US,en;q=0.9").get("/login").h1());
        Browser chose = server.browser(null, "en");
        chose.setCookie("lang", "ja");
        assertEquals("ログイン", chose.get("/login").h1(), "the language link's cookie wins over the browser's language");
    }

    @Test
    void theLoginScreenSaysWhenTheSessionHasExpiredAndWhenTheCustomerHasLoggedOut() {
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。",
                server.browser(null, "ja").get("/login?expired=1").alert());
        assertEquals("Your session has expired. Please log in again.", server.browser(null, "en").get("/login?expired=1").alert());
        assertEquals("ログアウトしました。", server.browser(null, "ja").get("/login?bye=1").notice());
        assertEquals("You have logged out.", server.browser(null, "en").get("/login?bye=1").notice());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not-the-token"})
    void logInWithoutTheSessionsCsrfTokenIsRefusedAndTheUseCaseIsNotCalled(String token) {
        Browser browser = server.browser(server.user.certificate(), "en");
        browser.get("/login");
        fakes.logIn.returns(server.user.who());

        Reply reply = browser.post("/login", "_csrf", token, "loginId", "web-user", "password", Samples.LOGIN_PASSWORD);

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("Your session has expired. Please log in again.", reply.alert());
        assertFalse(fakes.logIn.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "web user", "ユーザー", "a-login-id-that-is-longer-than-32-chars", "../etc"})
    void logInRefusesWhatIsNoLoginIdAsWrongCredentialsWithoutCallingTheUseCase(String typed) {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");

        Reply reply = browser.post("/login", "_csrf", browser.csrf(), "loginId", typed, "password", Samples.LOGIN_PASSWORD);

        assertEquals(401, reply.status(), reply.toString());
        assertEquals("ログインID、ログインパスワードまたは電子証明書を確認できませんでした。このIDの電子証明書を選び、もう一度入力してください。",
                reply.alert());
        assertEquals("ログイン", reply.h1());
        assertFalse(fakes.logIn.called());
    }

    @ParameterizedTest
    @EnumSource(value = Code.class, names = {"WRONG_CREDENTIALS", "ID_LOCKED", "ID_REVOKED", "NO_CLIENT_CERTIFICATE",
            "UNKNOWN_CERTIFICATE", "CERTIFICATE_REVOKED", "CERTIFICATE_SUPERSEDED", "CERTIFICATE_EXPIRED",
            "CERTIFICATE_NOT_CURRENT", "CERTIFICATE_OF_ANOTHER_ID"})
    void everyRefusalOfTheLoginIsA401WithItsReasonInJapaneseAndEnglish(Code code) {
        for (String language : new String[] {"ja", "en"}) {
            Browser browser = server.browser(server.user.certificate(), language);
            browser.get("/login");
            fakes.logIn.refuses(code);

            Reply reply = browser.post("/login", "_csrf", browser.csrf(), "loginId", "web-user", "password", "Wrong-pass");

            assertEquals(401, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "login.title"), reply.h1());
            assertTrue(browser.get("/main").location().startsWith("/login"), "still not signed in");
        }
    }

    @Test
    void aLockedIdIsToldSoInBothLanguages() {
        fakes.logIn.refuses(Code.ID_LOCKED);
        Browser japanese = server.browser(server.user.certificate(), "ja");
        japanese.get("/login");
        assertEquals("このログインIDはロックされています。管理者（管理者IDの場合は当行）にロック解除をご依頼ください。",
                japanese.post("/login", "_csrf", japanese.csrf(), "loginId", "web-user", "password", "x").alert());
        Browser english = server.browser(server.user.certificate(), "en");
        english.get("/login");
        assertEquals("This login ID is locked. Ask your administrator (for an administrator ID, the bank) to unlock it.",
                english.post("/login", "_csrf", english.csrf(), "loginId", "web-user", "password", "x").alert());
    }

    @Test
    void theUseCaseGetsTheTypedIdAndPasswordAndTheCertificateTheBrowserPresented() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");
        fakes.logIn.returns(server.user.who());
        fakes.overview.answers(who -> Samples.overview(who, null));

        browser.post("/login", "_csrf", browser.csrf(), "loginId", "  web-user ", "password", " Pass word 1 ");

        Fakes.LogIn call = fakes.logIn.onlyCall();
        assertEquals("web-user", call.loginId().value());
        assertEquals(" Pass word 1 ", call.password(), "the password exactly as typed");
        assertArrayEquals(server.user.certificate().der(), call.clientCertificate());
    }

    @Test
    void aBrowserWithoutAClientCertificatePresentsNoneAndTheUseCaseSaysWhy() {
        Browser browser = server.browser(null, "en");
        browser.get("/login");
        fakes.logIn.answers(call -> {
            assertNull(call.clientCertificate());
            throw new certrenewal.application.port.in.RequestRefusedException(Rejection.of(Code.NO_CLIENT_CERTIFICATE));
        });

        Reply reply = browser.post("/login", "_csrf", browser.csrf(), "loginId", "web-user", "password", "x");

        assertEquals(401, reply.status());
        assertEquals("No client certificate was presented. Choose this ID’s certificate.", reply.alert());
        assertTrue(fakes.logIn.called());
    }

    @Test
    void anIdKeepsAtMostThreeSessionsAndTheOldestEnds() {
        List<Browser> browsers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            browsers.add(server.signedIn(server.user, "ja"));
        }
        fakes.overview.answers(who -> Samples.overview(who, null));
        assertEquals("/login?expired=1", browsers.get(0).get("/main").location(), "the oldest ended");
        for (Browser browser : browsers.subList(1, 4)) {
            assertEquals(200, browser.get("/main").status());
        }
    }

    @Test
    void theAnonymousFormsKeepNoSessionAndTheirTokenIsBoundToTheBrowsersCookie() {
        for (String path : List.of("/login", "/pickup", "/console/login")) {
            Browser browser = server.browser(null, "ja");
            assertEquals(200, browser.get(path).status());
            assertTrue(browser.cookie("SESSION").isEmpty(), path + " made a session");
            assertTrue(browser.cookie("FORM_CSRF").isPresent(), path);
        }
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");
        String token = browser.csrf();
        Browser other = server.browser(server.user.certificate(), "ja");
        other.get("/login");
        Reply reply = other.post("/login", "_csrf", token, "loginId", "web-user", "password", Samples.LOGIN_PASSWORD);
        assertEquals(403, reply.status(), "another browser's token");
        assertFalse(fakes.logIn.called());
    }

    @Test
    void aLoginOpensANewSessionAndShowsTheRenewalNoticeWhileRenewalIsPossible() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");
        assertTrue(browser.cookie("SESSION").isEmpty(), "no server-side session before login");
        String before = TestServer.endedSession();
        browser.setCookie("SESSION", before);
        fakes.logIn.returns(server.user.who());
        fakes.overview.answers(who -> Samples.overview(who, null));

        Reply reply = browser.post("/login", "_csrf", browser.csrf(), "loginId", "web-user", "password", Samples.LOGIN_PASSWORD);

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/renewal/notice", reply.location());
        String after = browser.cookie("SESSION").orElseThrow();
        assertNotEquals(before, after, "a session identifier planted before login is worth nothing after it");
        assertEquals(200, browser.get("/renewal/notice").status());
        Browser planted = server.browser(server.user.certificate(), "ja");
        planted.setCookie("SESSION", before);
        assertEquals("/login?expired=1", planted.get("/main").location());
    }

    @Test
    void aLoginGoesToTheMainMenuWhenRenewalIsNotPossibleNow() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");
        fakes.logIn.returns(server.user.who());
        fakes.overview.answers(who -> Samples.overview(who, Rejection.of(Code.OUTSIDE_RENEWAL_WINDOW)));

        assertEquals("/main", browser.post("/login", "_csrf", browser.csrf(), "loginId", "web-user",
                "password", Samples.LOGIN_PASSWORD).location());
    }

    @Test
    void logOutWithTheTokenEndsTheSession() {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.post("/logout", "_csrf", browser.csrf());

        assertEquals(303, reply.status());
        assertEquals("/login?bye=1", reply.location());
        assertTrue(browser.get("/main").location().startsWith("/login"));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "forged"}, nullValues = "NULL")
    void logOutWithoutTheTokenEndsNothing(String token) {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.post("/logout", "_csrf", token, "from", "another-site");

        assertEquals("/login", reply.location());
        fakes.overview.answers(who -> Samples.overview(who, null));
        assertEquals(200, browser.get("/main").status(), "still signed in");
    }

    @Test
    void anEmptyLogoutPostIsRefusedAndEndsNothing() {
        Browser browser = server.signedIn(server.user, "ja");

        assertEquals(400, browser.post("/logout").status());

        fakes.overview.answers(who -> Samples.overview(who, null));
        assertEquals(200, browser.get("/main").status(), "still signed in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "multipart/form-data; boundary=x"})
    void aLoginPostedAsAnythingButAFormIsRefusedWithoutA500(String contentType) {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");

        Reply reply = browser.send("POST", "/login", contentType, "loginId=web-user".getBytes(), java.util.Map.of());

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
        assertFalse(fakes.logIn.called());
    }

    @Test
    void aMalformedFormIsNeverA500() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        browser.get("/login");

        Reply reply = browser.send("POST", "/login", Browser.FORM, "%%%&=&loginId=%E3%81".getBytes(), java.util.Map.of());

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
        assertFalse(fakes.logIn.called());
    }
}
