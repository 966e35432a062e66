package certrenewal.adapters.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleLoginControllerTest extends WebTest {

    @Test
    void theLoginIsJapaneseOrEnglishAndSaysWhenTheSessionExpiredOrEnded() {
        assertEquals("管理コンソール ログイン", server.browser(null, "ja").get("/console/login").h1());
        assertEquals("Console log in", server.browser(null, "en").get("/console/login").h1());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。",
                server.browser(null, "ja").get("/console/login?expired=1").alert());
        assertEquals("You have logged out.", server.browser(null, "en").get("/console/login?bye=1").notice());
    }

    @Test
    void aSignedInStaffMemberIsSentOnToTheDashboard() {
        assertEquals("/console", server.staff(StaffRole.OPERATOR, "ja").get("/console/login").location());
    }

    @ParameterizedTest
    @CsvSource({"LOCKED, ja", "WITHDRAWN, en", "ROLE_CHANGED, ja", "LIFETIME_OVER, en", "DISABLED, en", "PASSWORD_CHANGED, ja"})
    void aSessionThatMayNotGoOnEndsAtTheNextRequestAndTheLoginSaysWhy(SessionEnd end, String language) {
        Browser browser = server.staff(StaffRole.OPERATOR, language);
        fakes.staffSession.returns(Optional.of(end));

        Reply reply = browser.get("/console");

        String code = end.name().toLowerCase(Locale.ROOT).replace('_', '-');
        assertEquals("/console/login?ended=" + code, reply.location());
        assertEquals(new Actor.Staff("operator", StaffRole.OPERATOR), fakes.staffSession.onlyCall());
        assertFalse(fakes.dashboard.called());
        fakes.staffSession.returns(Optional.empty());
        assertEquals("/console/login?expired=1", browser.get("/console").location(), "the session is gone");
        assertEquals(Texts.of(language, "console.session.ended." + code), browser.get(reply.location()).alert());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void aLoginWithoutTheSessionsTokenIsRefusedAndNotTried(String token) {
        Browser browser = server.browser(null, "ja");
        browser.get("/console/login");

        Reply reply = browser.post("/console/login", "_csrf", token, "username", "operator", "password", "Staff-Pass-1");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertFalse(fakes.staffLogIn.called());
    }

    @ParameterizedTest
    @CsvSource(value = {"'', Staff-Pass-1", "'   ', Staff-Pass-1", "operator, ''",
            "a-username-of-sixty-five-characters-which-no-account-has-ever-had-x, Staff-Pass-1"})
    void whatCannotBeAnAccountIsWrongCredentialsAndNotTried(String username, String password) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.browser(null, language);
            browser.get("/console/login");

            Reply reply = browser.post("/console/login", "_csrf", browser.csrf(), "username", username, "password", password);

            assertEquals(401, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "console.rejection.WRONG_CREDENTIALS"), reply.alert());
            assertFalse(username.length() > 64 && reply.body().contains(username), "a name no account has is not echoed");
        }
        assertFalse(fakes.staffLogIn.called());
    }

    @Test
    void wrongCredentialsAndALockedAccountAreToldInBothLanguages() {
        fakes.staffLogIn.refuses(Code.WRONG_CREDENTIALS);
        assertEquals("ユーザー名またはパスワードが違います。", logIn("ja", "operator").alert());
        assertEquals("The username or the password is wrong.", logIn("en", "operator").alert());
        fakes.staffLogIn.refuses(Code.ID_LOCKED);
        Reply locked = logIn("ja", "operator");
        assertEquals(401, locked.status());
        assertEquals("このアカウントはロックされています。管理者に解除を依頼してください。", locked.alert());
        assertTrue(locked.body().contains("value=\"operator\""), "the username is kept");
        assertEquals("This account is locked. Ask an administrator to unlock it.", logIn("en", "operator").alert());
    }

    @Test
    void aLoginOpensANewSessionOnTheDashboard() {
        Browser browser = server.browser(null, "ja");
        browser.get("/console/login");
        assertTrue(browser.cookie("SESSION").isEmpty(), "no server-side session before login");
        String before = certrenewal.adapters.web.TestServer.endedSession();
        browser.setCookie("SESSION", before);
        fakes.staffLogIn.returns(new Actor.Staff("operator", StaffRole.OPERATOR));

        Reply reply = browser.post("/console/login", "_csrf", browser.csrf(), "username", " operator ", "password", " Staff Pass ");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/console", reply.location());
        assertNotEquals(before, browser.cookie("SESSION").orElseThrow());
        assertEquals(new Fakes.StaffLogIn("operator", " Staff Pass "), fakes.staffLogIn.onlyCall());
        fakes.dashboard.returns(Samples.figures());
        assertEquals(200, browser.get("/console").status());
    }

    @Test
    void logOutWithTheTokenEndsTheSession() {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");

        Reply reply = browser.post("/console/logout", "_csrf", browser.csrf());

        assertEquals("/console/login?bye=1", reply.location());
        assertTrue(browser.get("/console").location().startsWith("/console/login"));
        assertFalse(fakes.dashboard.called());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void logOutWithoutTheTokenEndsNothing(String token) {
        Browser browser = server.staff(StaffRole.AUDITOR, "ja");

        assertEquals("/console/login", browser.post("/console/logout", "_csrf", token, "from", "elsewhere").location());

        fakes.dashboard.returns(Samples.figures());
        assertEquals(200, browser.get("/console").status(), "still signed in");
    }

    @Test
    void aCustomersSessionIsNoStaffSessionAndTheOtherWayRound() {
        Browser customer = server.signedIn(server.administrator, "ja");
        Browser staff = server.staff(StaffRole.OPERATOR, "ja");

        assertEquals("/console/login", customer.get("/console").location());
        assertTrue(staff.get("/main").location().startsWith("/login"));
        assertFalse(fakes.dashboard.called() || fakes.overview.called());
    }

    private Reply logIn(String language, String username) {
        Browser browser = server.browser(null, language);
        browser.get("/console/login");
        return browser.post("/console/login", "_csrf", browser.csrf(), "username", username, "password", "Wrong-pass");
    }

    @Test
    void theLoginPresentsTheConnectionsClientCertificateAndSaysWhenOneIsRequired() throws Exception {
        assertFalse(server.browser(null, "ja").get("/console/login").body().contains("id=\"certificate-required\""));
        fakes.staffCertificateRequired = true;
        assertTrue(server.browser(null, "ja").get("/console/login").body()
                .contains(Texts.of("ja", "console.login.certificateRequired")));
        assertTrue(server.browser(null, "en").get("/console/login").body()
                .contains(Texts.of("en", "console.login.certificateRequired")));
        certrenewal.adapters.web.TestPki.Credential credential = server.pki.client("tanaka");
        Browser browser = server.browser(credential, "ja");
        browser.get("/console/login");
        fakes.staffLogIn.returns(new Actor.Staff("tanaka", StaffRole.OPERATOR));

        Reply reply = browser.post("/console/login", "_csrf", browser.csrf(), "username", "tanaka", "password", "Staff-Pass-1");

        assertEquals(303, reply.status(), reply.toString());
        assertTrue(java.util.Arrays.equals(credential.certificate().getEncoded(),
                fakes.staffCertificatesPresented.getLast().orElseThrow()), "the certificate of the TLS connection");
    }

    @Test
    void withACertificateRequiredTheRefusalsSayCertificateButNotWhichPartWasWrong() {
        fakes.staffCertificateRequired = true;
        fakes.staffLogIn.refuses(Code.NO_CLIENT_CERTIFICATE);
        Reply none = logIn("ja", "tanaka");
        assertEquals(401, none.status());
        assertEquals(Texts.of("ja", "console.rejection.NO_CLIENT_CERTIFICATE"), none.alert());
        assertEquals(Texts.of("en", "console.rejection.NO_CLIENT_CERTIFICATE"), logIn("en", "tanaka").alert());
        assertEquals(Optional.empty(), fakes.staffCertificatesPresented.getLast(), "no certificate on that connection");

        fakes.staffLogIn.refuses(Code.WRONG_CREDENTIALS);
        assertEquals("ユーザー名、パスワードまたは電子証明書が正しくありません。", logIn("ja", "tanaka").alert());
        assertEquals("The username, the password or the certificate is not correct.", logIn("en", "tanaka").alert());
    }

    @Test
    void aSessionOpenedWithACertificateIsThatCertificatesAlone() throws Exception {
        fakes.staffCertificateRequired = true;
        certrenewal.adapters.web.TestPki.Credential mine = server.pki.client("tanaka");
        Browser browser = server.browser(mine, "ja");
        browser.get("/console/login");
        fakes.staffLogIn.returns(new Actor.Staff("tanaka", StaffRole.OPERATOR));
        assertEquals(303, browser.post("/console/login", "_csrf", browser.csrf(), "username", "tanaka",
                "password", "Staff-Pass-1").status());
        fakes.dashboard.returns(Samples.figures());

        assertEquals(200, browser.get("/console").status());
        assertTrue(java.util.Arrays.equals(mine.certificate().getEncoded(),
                fakes.staffSessionCertificates.getLast().orElseThrow()), "the session's check judges its certificate");

        // the same session cookie from a connection presenting another certificate, or none, finds nobody signed in
        for (certrenewal.adapters.web.TestPki.Credential other : new certrenewal.adapters.web.TestPki.Credential[] {
                server.pki.client("sato"), null}) {
            Browser elsewhere = server.browser(other, "ja");
            elsewhere.setCookie("SESSION", browser.cookie("SESSION").orElseThrow());
            Reply reply = elsewhere.get("/console");
            assertEquals(303, reply.status(), reply.toString());
            assertTrue(reply.location().startsWith("/console/login"), reply.location());
        }
        assertEquals(200, browser.get("/console").status(), "its own connection goes on");
    }
}
