package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.TestServer;
import certrenewal.domain.Rejection.Code;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** パスワード変更 counts its attempts per login ID with the login's: past the limit, 429 before the use case. */
class PasswordAttemptLimitTest {
    private static TestServer limited;

    @BeforeAll
    static void aServerWithThreeAttemptsPerLoginId() {
        limited = TestServer.with(Map.of("certrenewal.attempt-limits.per-login-id", 3));
    }

    @AfterAll
    static void stop() {
        limited.close();
    }

    @Test
    void pastTheLimitThePasswordScreenAnswers429AndTheUseCaseIsNotAsked() {
        Browser browser = limited.signedIn(limited.user, "ja"); // the login is the ID's first attempt
        browser.get("/password");
        limited.fakes.changePassword.refuses(Code.WRONG_CURRENT_PASSWORD);

        for (int i = 0; i < 2; i++) {
            assertEquals(403, browser.post("/password", "_csrf", browser.csrf(), "currentPassword", "wrong",
                    "newPassword", "Spring-2026-new", "newPasswordAgain", "Spring-2026-new").status());
        }
        Reply limitedReply = browser.post("/password", "_csrf", browser.csrf(), "currentPassword", "wrong",
                "newPassword", "Spring-2026-new", "newPasswordAgain", "Spring-2026-new");

        assertEquals(429, limitedReply.status());
        assertTrue(limitedReply.header("Retry-After").isPresent());
        assertEquals("パスワード変更", limitedReply.h1());
        assertTrue(limitedReply.alert().contains("試行回数が上限に達しました"), limitedReply.alert());
        assertEquals(2, limited.fakes.changePassword.calls().size());
    }
}
