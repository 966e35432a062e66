package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 設定: the ID's own contact address (after its password) and notice language. */
class SettingsControllerTest extends WebTest {
    private static final LoginId USER = new LoginId("web-user");

    @Test
    void withoutASessionTheSettingsLeadToTheLogin() {
        assertEquals("/login", server.browser(server.user.certificate(), "ja").get("/settings").location());
        assertFalse(fakes.currentContact.called());
    }

    @Test
    void theMainMenuLeadsToTheSettingsWhichShowTheCurrentAddressAndLanguage() {
        Browser browser = server.signedIn(server.user, "en");
        fakes.overview.answers(who -> Samples.overview(who, null));
        fakes.currentContact.returns(Optional.of(new ContactDetails(USER, new EmailAddress("web-user@example.jp"),
                NoticeLanguage.EN)));

        assertTrue(browser.get("/main").body().contains("action=\"/settings\""));
        Reply settings = browser.get("/settings");

        assertEquals(200, settings.status());
        assertEquals("Settings", settings.h1());
        assertTrue(settings.body().contains("value=\"web-user@example.jp\""), settings.body());
        assertTrue(settings.body().contains("<option value=\"en\" selected=\"selected\">"), settings.body());
        assertEquals(USER, fakes.currentContact.onlyCall());
    }

    @Test
    void aChangeGoesWithThePasswordAndIsConfirmed() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.changeContact.succeeds();

        Reply reply = browser.post("/settings", "_csrf", browser.csrf(), "email", " new@example.com ", "language", "en",
                "password", "my-password");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(Texts.of("ja", "settings.saved"), reply.notice());
        assertEquals(new Fakes.ChangeContact(USER, "new@example.com", "en", "my-password"), fakes.changeContact.onlyCall());
    }

    @Test
    void aWrongPasswordOrABadAddressOrNoTokenChangesNothingAndSaysWhy() {
        Browser browser = server.signedIn(server.user, "en");
        fakes.changeContact.refuses(Code.WRONG_CONFIRMATION_PASSWORD);

        Reply wrong = browser.post("/settings", "_csrf", browser.csrf(), "email", "new@example.com", "password", "typo");
        assertEquals(403, wrong.status(), wrong.toString());
        assertEquals(Texts.of("en", "rejection.WRONG_CONFIRMATION_PASSWORD"), wrong.alert());

        fakes.forgetCalls();
        Reply bad = browser.post("/settings", "_csrf", browser.csrf(), "email", "new@", "password", "my-password");
        assertEquals(400, bad.status());
        assertEquals(Texts.of("en", "settings.badEmail"), bad.alert());
        Reply forged = browser.post("/settings", "_csrf", "forged", "email", "new@example.com", "password", "my-password");
        assertEquals(403, forged.status());
        assertFalse(fakes.changeContact.called());
    }
}
