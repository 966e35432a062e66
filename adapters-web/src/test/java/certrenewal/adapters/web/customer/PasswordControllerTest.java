package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestServer;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordControllerTest extends WebTest {

    /** A browser whose login the use case answered with {@code who}; returns the login's redirect. */
    private Reply logIn(Browser browser, AuthenticatedId who) {
        browser.get("/login");
        fakes.logIn.returns(who);
        fakes.overview.answers(id -> Samples.overview(id, null));
        return browser.post("/login", "_csrf", browser.csrf(), "loginId", who.loginId().value(),
                "password", Samples.LOGIN_PASSWORD);
    }

    private static Reply change(Browser browser, String current, String next, String again) {
        return browser.post("/password", "_csrf", browser.csrf(), "currentPassword", current, "newPassword", next,
                "newPasswordAgain", again);
    }

    @Test
    void theMainMenuLeadsToThePasswordScreenWhichChangesItAndKeepsThisSessionUnderTheNewEpoch() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.overview.answers(who -> Samples.overview(who, null));
        assertTrue(browser.get("/main").body().contains("action=\"/password\""), "the main menu offers パスワード変更");

        Reply form = browser.get("/password");
        assertEquals(200, form.status());
        assertEquals("パスワード変更", form.h1());
        AuthenticatedId changed = server.user.who().withCredentials(1, AccessScope.FULL);
        fakes.changePassword.returns(changed);

        Reply done = change(browser, "old-password", "Spring-2026-new", "Spring-2026-new");

        assertEquals(303, done.status());
        assertEquals("/password?changed=1", done.location());
        assertEquals(new Fakes.ChangePassword(server.user.who(), "old-password", "Spring-2026-new", "Spring-2026-new"),
                fakes.changePassword.onlyCall());
        assertTrue(browser.get("/password?changed=1").notice().contains("変更しました"));
        assertEquals(changed, fakes.customerSession.calls().getLast(), "the session now carries the new epoch");
    }

    @ParameterizedTest
    @CsvSource({"NEW_PASSWORDS_DIFFER, 400, ja, 一致しません", "WRONG_CURRENT_PASSWORD, 403, en, current login password is wrong",
            "PASSWORD_RECENTLY_USED, 400, ja, 直近5回", "PASSWORD_CONTAINS_NAME, 400, en, must not contain the login ID",
            "ID_LOCKED, 403, en, locked"})
    void aRefusedChangeSaysWhyInTheUsersLanguageOnTheSameScreen(Code code, int status, String language, String says) {
        Browser browser = server.signedIn(server.user, language);
        browser.get("/password");
        fakes.changePassword.refuses(code);

        Reply refused = change(browser, "old-password", "Spring-2026-new", "Spring-2026-other");

        assertEquals(status, refused.status());
        assertTrue(refused.alert().contains(says), refused.alert());
        assertEquals(200, browser.get("/password").status(), "the session goes on");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefusedBeforeTheUseCase() {
        Browser browser = server.signedIn(server.user, "ja");
        browser.get("/password");

        Reply refused = browser.post("/password", "_csrf", "forged", "currentPassword", "a", "newPassword", "b",
                "newPasswordAgain", "b");

        assertEquals(403, refused.status());
        assertFalse(fakes.changePassword.called());
    }

    @Test
    void aLoginWhosePasswordSomeoneElseChoseReachesOnlyThePasswordScreenUntilItIsChanged() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        AuthenticatedId forced = server.user.who().withCredentials(0, AccessScope.PASSWORD_CHANGE);

        assertEquals("/password", logIn(browser, forced).location());
        Reply form = browser.get("/password");
        assertEquals(200, form.status());
        assertTrue(form.text().contains("ご自身で新しいログインパスワードに変更してください"), form.text());
        assertFalse(form.body().contains("action=\"/main\""), "no メインへ while the change is required");
        for (String path : new String[] {"/", "/main", "/renewal/notice", "/admin/users", "/admin/users/new"}) {
            assertEquals("/password", browser.get(path).location(), path);
        }
        String csrf = browser.csrf();
        assertEquals("/password", browser.post("/renewal/start", "_csrf", csrf).location());
        assertFalse(fakes.start.called(), "nothing else is reachable, server side");
        assertFalse(fakes.overview.called());

        fakes.changePassword.returns(server.user.who().withCredentials(1, AccessScope.FULL));
        assertEquals("/main", change(browser, "chosen-by-admin", "Spring-2026-new", "Spring-2026-new").location());
        assertEquals(200, browser.get("/main").status(), "the normal menu after the change");
    }

    @Test
    void aLoginWithACertificateExpiredWithinGraceReachesTheExpiredNoticeAndTheRenewalOnly() {
        Browser browser = server.browser(server.user.certificate(), "ja");
        AuthenticatedId expired = server.user.who().withCredentials(0, AccessScope.RENEWAL_AFTER_EXPIRY);

        assertEquals("/renewal/notice", logIn(browser, expired).location());
        fakes.overview.answers(who -> Samples.overview(who, null));
        Reply notice = browser.get("/renewal/notice");
        assertEquals(200, notice.status());
        assertTrue(notice.text().contains("2026/04/21 09:00 JST に切れました"), notice.text());
        assertFalse(notice.body().contains("action=\"/main\""), "no メインへ");
        assertTrue(notice.body().contains("action=\"/renewal/start\""), "証明書更新 only");
        for (String path : new String[] {"/", "/main", "/password", "/admin/users"}) {
            assertEquals("/renewal/notice", browser.get(path).location(), path);
        }
        // a path that only starts like the renewal's reaches nothing else either
        for (String path : new String[] {"/renewal/../main", "/renewal/%2e%2e/main", "/renewal/..%2fmain"}) {
            Reply reply = browser.get(path);
            assertFalse(reply.status() == 200 && reply.body().contains("action=\"/password\""), path + ": " + reply);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aSessionEndedByAPasswordChangeElsewhereSaysSoAtTheLogin(String language) {
        Browser browser = server.signedIn(server.user, language);
        fakes.customerSession.returns(Optional.of(SessionEnd.PASSWORD_CHANGED));

        Reply ended = browser.get("/main");

        assertEquals("/login?ended=password-changed", ended.location());
        String alert = browser.get(ended.location()).alert();
        assertTrue(alert.contains(language.equals("ja") ? "ログインパスワードが変更された" : "login password was changed"), alert);
    }

    @Test
    void withoutASessionThePasswordScreenLeadsToTheLogin() {
        assertEquals("/login", server.browser(server.user.certificate(), "ja").get("/password").location());
        Browser stale = server.browser(server.user.certificate(), "ja");
        stale.setCookie("SESSION", TestServer.endedSession());
        assertEquals("/login?expired=1", stale.post("/password", "_csrf", "x").location());
        assertFalse(fakes.changePassword.called());
    }
}
