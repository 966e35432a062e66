package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestServer;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainControllerTest extends WebTest {

    @ParameterizedTest
    @ValueSource(strings = {"/main", "/renewal/notice"})
    void withoutASessionTheScreensLeadToTheLoginAndSaySoWhenTheSessionHasExpired(String path) {
        assertEquals("/login", server.browser(server.user.certificate(), "ja").get(path).location());
        Browser stale = server.browser(server.user.certificate(), "ja");
        stale.setCookie("SESSION", TestServer.endedSession());
        assertEquals("/login?expired=1", stale.get(path).location());
        assertFalse(fakes.overview.called());
    }

    @Test
    void aSessionIsWorthNothingWithAnotherClientCertificate() {
        Browser owner = server.signedIn(server.user, "ja");
        Browser thief = server.browser(server.administrator.certificate(), "ja");
        thief.setCookie("SESSION", owner.cookie("SESSION").orElseThrow());
        Browser noCertificate = server.browser(null, "ja");
        noCertificate.setCookie("SESSION", owner.cookie("SESSION").orElseThrow());

        assertEquals("/login?expired=1", thief.get("/main").location());
        assertEquals("/login?expired=1", noCertificate.get("/main").location());
        assertFalse(fakes.overview.called());
    }

    @Test
    void theMainMenuShowsTheCertificateWithItsExpiryInTheBanksZone() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.overview.answers(who -> Samples.overview(who, null));

        Reply main = browser.get("/main");

        assertEquals(200, main.status());
        assertEquals("メイン", main.h1());
        String text = main.text();
        assertTrue(text.contains(server.user.who().certificate().hex()), text);
        assertTrue(text.contains("2026/04/21 09:00 JST"), text);
        assertTrue(main.body().contains("datetime=\"2026-04-21T00:00:00Z\""), "the exact time for the page's script");
        assertTrue(text.contains("有効"), text);
        assertTrue(main.body().contains("action=\"/renewal/start\""), "renewal is offered");
        assertEquals(server.user.who(), fakes.overview.onlyCall());
    }

    @Test
    void userManagementIsOfferedToAdministratorIdsOnly() {
        Browser administrator = server.signedIn(server.administrator, "en");
        Browser user = server.signedIn(server.user, "en");
        fakes.overview.answers(who -> Samples.overview(who, null));

        assertTrue(administrator.get("/main").text().contains("User management"));
        assertFalse(user.get("/main").text().contains("User management"));
    }

    @ParameterizedTest
    @EnumSource(value = Code.class, names = {"OUTSIDE_RENEWAL_WINDOW", "CERTIFICATE_EXPIRED", "ID_LOCKED", "RENEWAL_ALREADY_OPEN"})
    void theMainMenuSaysWhyRenewalIsNotPossibleInTheUsersLanguage(Code code) {
        for (String language : new String[] {"ja", "en"}) {
            Browser browser = server.signedIn(server.user, language);
            fakes.overview.answers(who -> Samples.overview(who, Rejection.of(code)));

            Reply main = browser.get("/main");

            assertTrue(main.text().contains(Texts.of(language, "rejection." + code.name())), main.text());
            assertFalse(main.body().contains("action=\"/renewal/start\""), "no renewal offered");
            assertEquals(code == Code.RENEWAL_ALREADY_OPEN, main.body().contains("action=\"/renewal/start-over\""),
                    "starting over is offered for a renewal left open elsewhere only");
        }
    }

    @Test
    void theNoticeShowsTheDaysLeftWhileRenewalIsPossible() {
        Browser japanese = server.signedIn(server.user, "ja");
        Browser english = server.signedIn(server.user, "en");
        fakes.overview.answers(who -> Samples.overview(who, null));

        Reply notice = japanese.get("/renewal/notice");

        assertEquals(200, notice.status());
        assertEquals("電子証明書更新通知", notice.h1());
        assertTrue(notice.text().contains("あと 20 日"), notice.text());
        assertTrue(notice.text().contains("2026/04/21 09:00 JST"), notice.text());
        assertTrue(english.get("/renewal/notice").text().contains("20 days left"));
    }

    @Test
    void theNoticeSendsToTheMainMenuWhenRenewalIsNotPossible() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.overview.answers(who -> Samples.overview(who, Rejection.of(Code.OUTSIDE_RENEWAL_WINDOW)));

        assertEquals("/main", browser.get("/renewal/notice").location());
    }
}
