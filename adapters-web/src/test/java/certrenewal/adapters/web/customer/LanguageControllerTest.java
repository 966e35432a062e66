package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.WebTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageControllerTest extends WebTest {

    @ParameterizedTest
    @CsvSource({"en, en", "ja, ja", "fr, ja", "EN, ja", "%E6%97%A5, ja"})
    void theLinkRemembersEnglishOrJapaneseForAYear(String code, String remembered) {
        Reply reply = server.browser(null, null).get("/lang/" + code + "?next=/pickup");

        assertEquals(303, reply.status(), reply.toString());
        String cookie = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lang=")).findFirst().orElseThrow();
        assertTrue(cookie.startsWith("lang=" + remembered + ";"), cookie);
        assertTrue(cookie.contains("Max-Age=31536000") && cookie.contains("Path=/") && cookie.contains("Secure")
                && cookie.contains("HTTPOnly") && cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void theChosenLanguageWinsOverTheBrowsersAndTheLinkReturnsToThePage() {
        Browser browser = server.browser(null, "ja");

        Reply reply = browser.get("/lang/en?next=" + URLEncoder.encode("/login?expired=1", StandardCharsets.UTF_8));

        assertEquals("/login?expired=1", reply.location());
        assertEquals("Log in", browser.get("/login").h1());
        browser.get("/lang/ja?next=/login");
        assertEquals("ログイン", browser.get("/login").h1());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/login", "/\\evil.example", "evil", "javascript:alert(1)"})
    void theLinkNeverLeadsToAnotherSite(String next) {
        Reply reply = server.browser(null, "ja").get("/lang/en?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

        assertEquals(303, reply.status());
        assertEquals("/login", reply.location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/main\r\nSet-Cookie: x=1", "/%zz", "/main\u0000"})
    void aNextThatIsNoPathLeadsToTheLoginScreenInsteadOfA500(String next) {
        Reply reply = server.browser(null, "ja").get("/lang/en?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/login", reply.location());
    }

    @Test
    void withoutANextTheLinkLeadsToTheLoginScreen() {
        assertEquals("/login", server.browser(null, "ja").get("/lang/en").location());
    }
}
