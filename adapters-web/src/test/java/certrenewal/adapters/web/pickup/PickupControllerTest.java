package certrenewal.adapters.web.pickup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Json;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestPki;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PickupControllerTest extends WebTest {
    private static final String ISSUANCE_PASSWORD = "Abcdefgh23456789";
    private static final LoginId NEW_USER = new LoginId("new-user");

    @Test
    void theFormIsJapaneseOrEnglishAndSaysWhenAPickupHasExpired() {
        Reply japanese = server.browser(null, "ja").get("/pickup");
        assertEquals(200, japanese.status());
        assertEquals("証明書取得", japanese.h1());
        assertEquals("", japanese.alert());
        assertEquals("Obtain a certificate", server.browser(null, "en").get("/pickup").h1());
        assertEquals("証明書取得の有効期限が切れました。もう一度入力してください。", server.browser(null, "ja").get("/pickup?expired=1").alert());
        assertEquals("Your pickup session has expired. Please enter your details again.",
                server.browser(null, "en").get("/pickup?expired=1").alert());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void credentialsPostedWithoutTheSessionsTokenAreRefusedAndNotChecked(String token) {
        Browser browser = server.browser(null, "ja");
        browser.get("/pickup");

        Reply reply = browser.post("/pickup", "_csrf", token, "loginId", "new-user", "password", Samples.LOGIN_PASSWORD,
                "issuancePassword", ISSUANCE_PASSWORD);

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("証明書取得の有効期限が切れました。もう一度入力してください。", reply.alert());
        assertTrue(reply.body().contains("value=\"new-user\""), "the typed ID is kept");
        assertFalse(fakes.verifyPickup.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "new user", "新しい利用者", "x/../y", "a-login-id-that-is-longer-than-32-chars"})
    void whatIsNoLoginIdIsRefusedAsAnyOtherAndNotChecked(String typed) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.browser(null, language);
            browser.get("/pickup");

            Reply reply = browser.post("/pickup", "_csrf", browser.csrf(), "loginId", typed, "password", Samples.LOGIN_PASSWORD,
                    "issuancePassword", ISSUANCE_PASSWORD);

            assertEquals(401, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection.PICKUP_REFUSED"), reply.alert());
        }
        assertFalse(fakes.verifyPickup.called());
    }

    @ParameterizedTest
    @CsvSource({"WRONG_ISSUANCE_PASSWORD, 401", "PICKUP_REFUSED, 401", "PICKUP_THROTTLED, 429", "ID_LOCKED, 403",
            "ID_REVOKED, 403",
            "ALREADY_HAS_CERTIFICATE, 403", "UNKNOWN_LOGIN_ID, 404"})
    void refusedCredentialsSayWhyInTheUsersLanguageWithTheirStatus(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.browser(null, language);
            browser.get("/pickup");
            fakes.verifyPickup.refuses(code);

            Reply reply = browser.post("/pickup", "_csrf", browser.csrf(), "loginId", "new-user", "password", "x",
                    "issuancePassword", "y");

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            String start = browser.get("/pickup/start").location();
            assertTrue(start.equals("/pickup") || start.startsWith("/pickup?"), "nothing kept for the start screen: " + start);
        }
    }

    @Test
    void aWrongIssuancePasswordIsToldSoInBothLanguages() {
        fakes.verifyPickup.refuses(Code.WRONG_ISSUANCE_PASSWORD);
        assertEquals("発行パスワードが正しくないか、有効期限切れ、または使用済みです。", postCredentials("ja").alert());
        assertEquals("The issuance password is wrong, has expired or has already been used.", postCredentials("en").alert());
    }

    @Test
    void verifiedCredentialsOpenANewSessionAndTheStartScreen() {
        Browser browser = server.browser(null, "ja");
        browser.get("/pickup");
        assertTrue(browser.cookie("SESSION").isEmpty(), "no server-side session before the credentials are verified");
        String before = certrenewal.adapters.web.TestServer.endedSession();
        browser.setCookie("SESSION", before);
        fakes.verifyPickup.succeeds();

        Reply reply = browser.post("/pickup", "_csrf", browser.csrf(), "loginId", " new-user ", "password", " Login Pass 1 ",
                "issuancePassword", " " + ISSUANCE_PASSWORD + " ");

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/pickup/start", reply.location());
        assertNotEquals(before, browser.cookie("SESSION").orElseThrow());
        assertEquals(new Fakes.Pickup(NEW_USER, " Login Pass 1 ", ISSUANCE_PASSWORD), fakes.verifyPickup.onlyCall());
        Reply start = browser.get("/pickup/start");
        assertEquals(200, start.status());
        assertEquals("電子証明書取得開始", start.h1());
        assertTrue(start.text().contains("new-user"));
        assertFalse(start.body().contains(ISSUANCE_PASSWORD) || start.body().contains("Login Pass 1"),
                "the credentials stay in the server's session");
        String sessionId = new String(java.util.Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()),
                java.nio.charset.StandardCharsets.US_ASCII);
        @SuppressWarnings("unchecked")
        io.micronaut.session.Session stored = ((io.micronaut.session.SessionStore<io.micronaut.session.Session>)
                server.bean(io.micronaut.session.SessionStore.class)).findSession(sessionId).join().orElseThrow();
        assertTrue(stored.contains("pickup.loginPassword") && stored.contains("pickup.issuancePassword"), stored.names().toString());
        for (String name : stored.names()) {
            String value = String.valueOf(stored.get(name).orElse(""));
            assertFalse(value.contains("Login Pass 1") || value.contains(ISSUANCE_PASSWORD),
                    name + ": the session store, which may be Redis shared by the servers, holds no password in clear");
        }
    }

    @Test
    void theStartScreenWithoutVerifiedCredentialsLeadsToTheForm() {
        assertEquals("/pickup", server.browser(null, "ja").get("/pickup/start").location());
    }

    @ParameterizedTest
    @CsvSource(value = {"false, any", "true, NULL", "true, forged"}, nullValues = "NULL")
    void aRequestWithoutVerifiedCredentialsOrTheTokenIsRefusedAndIssuesNothing(boolean verified, String token) {
        Browser browser = verified ? verified("en") : server.browser(null, "en");

        Reply reply = browser.postJson("/pickup/request", token, csrJson(new byte[] {48, 0}));

        assertEquals(401, reply.status(), reply.toString());
        assertEquals(Map.of("error", "Your pickup session has expired. Please enter your details again.",
                "login", "/pickup?expired=1"), reply.json());
        assertFalse(fakes.pickUp.called());
    }

    @Test
    void theRequestIsIssuedWithTheVerifiedCredentialsAndTheCompletionScreenShowsTheCertificate() {
        Browser browser = verified("ja");
        TestPki.Credential picked = server.pki.client("new-user");
        fakes.pickUp.returns(Samples.issued(picked, NEW_USER, server.pki.caDer()));
        byte[] csr = server.pki.certificationRequest("new-user");

        Reply reply = browser.postJson("/pickup/request", browser.csrf(), csrJson(csr));

        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> issued = reply.json();
        assertArrayEquals(picked.der(), Base64.getDecoder().decode((String) issued.get("certificate")));
        assertEquals("new-user-" + picked.serialHex() + ".p12", issued.get("fileName"));
        assertEquals("/pickup/complete", issued.get("next"));
        Fakes.PickUp call = fakes.pickUp.onlyCall();
        assertEquals(new Fakes.Pickup(NEW_USER, Samples.LOGIN_PASSWORD, ISSUANCE_PASSWORD), call.credentials());
        assertArrayEquals(csr, call.pkcs10Der());

        Reply complete = browser.get("/pickup/complete");
        assertEquals(200, complete.status());
        assertEquals("電子証明書発行 発行完了", complete.h1());
        assertTrue(complete.text().contains(picked.serialHex()) && complete.text().contains("2027/04/01 09:00 JST"), complete.text());
        assertTrue(complete.text().contains("ご使用のパソコンに、電子証明書を保存しました。"), complete.text());
        assertEquals("/pickup?expired=1", browser.get("/pickup/start").location(), "the credentials are used up");
    }

    @ParameterizedTest
    @CsvSource({"WRONG_ISSUANCE_PASSWORD, 401", "BAD_REQUEST_SIGNATURE, 400", "KEY_NOT_ACCEPTED, 400", "ISSUANCE_FAILED, 503"})
    void aRefusedRequestSaysWhyAndForgetsTheCredentials(Code code, int status) {
        Browser browser = verified("ja");
        fakes.pickUp.refuses(code);

        Reply reply = browser.postJson("/pickup/request", browser.csrf(), csrJson(new byte[] {48, 0}));

        assertEquals(status, reply.status(), reply.toString());
        assertEquals(Map.of("error", Texts.of("ja", "rejection." + code.name()), "code", code.name()), reply.json());
        assertEquals("/pickup?expired=1", browser.get("/pickup/start").location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"csr\": \"%%%\"}", "{}"})
    void aRequestThatIsNoBase64IsMalformedAndReachesNoUseCase(String json) {
        Browser browser = verified("en");

        Reply reply = browser.postJson("/pickup/request", browser.csrf(), json);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals(Map.of("error", "The certificate request could not be read.", "code", "MALFORMED_REQUEST"), reply.json());
        assertFalse(fakes.pickUp.called());
    }

    @Test
    void cancellingForgetsTheCredentialsAndIssuesNothing() {
        Browser japanese = verified("ja");
        Browser english = verified("en");

        Reply reply = japanese.postJson("/pickup/cancel", japanese.csrf(), null);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(Map.of("message", "電子証明書の取得を中止しました。発行パスワードは取得期限まで引き続き使えます。"), reply.json());
        assertEquals("/pickup?expired=1", japanese.get("/pickup/start").location());
        assertEquals(Map.of("message", "Obtaining the certificate was cancelled. The issuance password keeps working until its deadline."),
                english.postJson("/pickup/cancel", english.csrf(), null).json());
        assertFalse(fakes.pickUp.called());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "forged")
    void cancellingWithoutTheTokenIsRefusedAndKeepsTheCredentials(String token) {
        Browser browser = verified("ja");

        Reply reply = browser.postJson("/pickup/cancel", token, null);

        assertEquals(401, reply.status(), reply.toString());
        assertEquals(200, browser.get("/pickup/start").status(), "still verified");
    }

    @Test
    void theCompletionScreenWithoutAPickupLeadsToTheForm() {
        assertEquals("/pickup", server.browser(null, "ja").get("/pickup/complete").location());
        assertEquals("/pickup", verified("ja").get("/pickup/complete").location());
    }

    /** A browser whose credentials the pickup's fake accepted, on the start screen; the fakes are reset. */
    private Browser verified(String language) {
        Browser browser = server.browser(null, language);
        browser.get("/pickup");
        fakes.verifyPickup.succeeds();
        Reply reply = browser.post("/pickup", "_csrf", browser.csrf(), "loginId", "new-user", "password", Samples.LOGIN_PASSWORD,
                "issuancePassword", ISSUANCE_PASSWORD);
        assertEquals(303, reply.status(), reply.toString());
        assertEquals(200, browser.get("/pickup/start").status());
        fakes.reset();
        return browser;
    }

    private Reply postCredentials(String language) {
        Browser browser = server.browser(null, language);
        browser.get("/pickup");
        return browser.post("/pickup", "_csrf", browser.csrf(), "loginId", "new-user", "password", "x", "issuancePassword", "y");
    }

    private static String csrJson(byte[] csr) {
        return Json.write(Map.of("csr", Base64.getEncoder().encodeToString(csr)));
    }
}
