package certrenewal.adapters.web.customer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Json;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestPki;
import certrenewal.adapters.web.Texts;
import certrenewal.adapters.web.WebTest;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.renewal.Renewal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenewalPagesControllerTest extends WebTest {
    private final Renewal.Started started = Renewal.start(server.user.who().loginId(), server.user.who().certificate(), Samples.NOW);
    private final String renewalPath = "/renewal/" + started.id();

    // ---- 証明書更新: start and start over

    @ParameterizedTest
    @ValueSource(strings = {"/renewal/start", "/renewal/start-over"})
    void startingWithoutASessionLeadsToTheLoginAndStartsNothing(String path) {
        Reply reply = server.browser(server.user.certificate(), "ja").post(path, "_csrf", "any");

        assertEquals("/login", reply.location());
        assertFalse(fakes.start.called() || fakes.startOver.called());
    }

    @ParameterizedTest
    @CsvSource(value = {"/renewal/start, NULL", "/renewal/start, forged", "/renewal/start-over, NULL",
            "/renewal/start-over, forged"}, nullValues = "NULL")
    void startingWithoutTheSessionsTokenIsRefusedAndStartsNothing(String path, String token) {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.overview.answers(who -> Samples.overview(who, null));

        Reply reply = browser.post(path, "_csrf", token, "from", "elsewhere");

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("セッションの有効期限が切れました。もう一度ログインしてください。", reply.alert());
        assertEquals("電子証明書更新通知", reply.h1());
        assertFalse(fakes.start.called() || fakes.startOver.called());
    }

    @Test
    void startGoesToThePreparingScreenOfTheNewRenewal() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.start.returns(started);

        Reply reply = browser.post("/renewal/start", "_csrf", browser.csrf());

        assertEquals(303, reply.status());
        assertEquals(renewalPath + "/preparing", reply.location());
        assertEquals(server.user.who(), fakes.start.onlyCall());
        assertFalse(fakes.startOver.called());
    }

    @Test
    void startOverEndsTheRenewalLeftElsewhereThroughItsOwnUseCase() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.startOver.returns(started);

        assertEquals(renewalPath + "/preparing", browser.post("/renewal/start-over", "_csrf", browser.csrf()).location());
        assertEquals(server.user.who(), fakes.startOver.onlyCall());
        assertFalse(fakes.start.called());
    }

    @ParameterizedTest
    @CsvSource({"RENEWAL_ALREADY_OPEN, 409", "OUTSIDE_RENEWAL_WINDOW, 403", "ID_LOCKED, 403", "ID_REVOKED, 403",
            "CERTIFICATE_REVOKED, 403", "CERTIFICATE_EXPIRED, 403", "CERTIFICATE_NOT_CURRENT, 403", "NOT_PERMITTED, 403"})
    void aRefusedStartSaysWhyInTheUsersLanguageWithItsStatus(Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.user, language);
            fakes.start.refuses(code);
            fakes.overview.answers(who -> Samples.overview(who, Rejection.of(code)));

            Reply reply = browser.post("/renewal/start", "_csrf", browser.csrf());

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Texts.of(language, "rejection." + code.name()), reply.alert());
            assertEquals(Texts.of(language, "main.title"), reply.h1(), "the main menu, since renewal is not possible now");
        }
    }

    // ---- the screens of a renewal

    @ParameterizedTest
    @CsvSource({"preparing, 電子証明書更新前処理中", "start, 電子証明書更新開始"})
    void theScreensOfARenewalCarryItsIdAndTheSessionsToken(String screen, String title) {
        Browser browser = server.signedIn(server.user, "ja");
        String token = browser.csrf();

        Reply reply = browser.get(renewalPath + "/" + screen);

        assertEquals(200, reply.status());
        assertEquals(title, reply.h1());
        assertTrue(reply.body().contains("data-renewal=\"" + started.id() + "\""), reply.body());
        assertEquals(token, reply.csrfToken().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"not-a-renewal, preparing", "1-1-1-1-1, start", "%20, complete", "00000000-0000-0000-0000-00000000000g, preparing",
            "'%E3%81%82', start"})
    void aPathThatNamesNoRenewalLeadsToTheMainMenuNotToA500(String id, String screen) {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.get("/renewal/" + id + "/" + screen);

        assertEquals(303, reply.status(), reply.toString());
        assertEquals("/main", reply.location());
        assertFalse(fakes.issuedBy.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"preparing", "start", "complete"})
    void theScreensOfARenewalNeedASession(String screen) {
        assertEquals("/login", server.browser(server.user.certificate(), "ja").get(renewalPath + "/" + screen).location());
        assertFalse(fakes.issuedBy.called());
    }

    @Test
    void theCompletionScreenShowsTheIssuedCertificate() {
        Browser browser = server.signedIn(server.user, "ja");
        TestPki.Credential renewed = server.pki.client("web-user");
        fakes.issuedBy.returns(Samples.certificate(renewed, server.user.who().loginId()));

        Reply reply = browser.get(renewalPath + "/complete");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("電子証明書発行 発行完了", reply.h1());
        String text = reply.text();
        assertTrue(text.contains("CN=web-user,OU=0000001,O=Web Test Co.,C=JP"), text);
        assertTrue(text.contains(renewed.serialHex()), text);
        assertTrue(text.contains(Samples.ISSUER), text);
        assertTrue(text.contains("2026/04/01 09:00 JST") && text.contains("2027/04/01 09:00 JST"), text);
        assertTrue(text.contains(renewed.sha256().replaceAll("(..)(?!$)", "$1:")), "the fingerprint as OpenSSL prints it: " + text);
        assertTrue(text.contains("ご使用のパソコンに、更新された電子証明書を保存しました。"), text);
        assertEquals(new Fakes.OnRenewal(started.id(), server.user.who()), fakes.issuedBy.onlyCall());
    }

    @Test
    void theCompletionScreenOfARenewalThatIssuedNothingLeadsToTheMainMenu() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.issuedBy.refuses(Code.RENEWAL_NOT_FOUND);

        assertEquals("/main", browser.get(renewalPath + "/complete").location());
    }

    // ---- the JSON steps of the page scripts

    @ParameterizedTest
    @ValueSource(strings = {"prepare", "request", "abandon"})
    void aStepWithoutASessionIsRefusedWithTheWayToTheLogin(String step) {
        Reply reply = server.browser(server.user.certificate(), "en").postJson(renewalPath + "/" + step, "any", csrJson());

        assertEquals(401, reply.status(), reply.toString());
        assertEquals(Map.of("error", "Your session has expired. Please log in again.", "login", "/login?expired=1"), reply.json());
        assertNoStepCalled();
    }

    @ParameterizedTest
    @CsvSource(value = {"prepare, NULL", "prepare, forged", "request, NULL", "request, forged", "abandon, NULL",
            "abandon, forged"}, nullValues = "NULL")
    void aStepWithoutTheSessionsTokenIsRefusedAndChangesNothing(String step, String token) {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.postJson(renewalPath + "/" + step, token, csrJson());

        assertEquals(403, reply.status(), reply.toString());
        assertEquals(Map.of("error", "セッションの有効期限が切れました。もう一度ログインしてください。", "login", "/login?expired=1"),
                reply.json());
        assertNoStepCalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepare", "request", "abandon"})
    void aStepOnAPathThatNamesNoRenewalIsNotFoundAndCallsNothing(String step) {
        Browser browser = server.signedIn(server.user, "en");

        Reply reply = browser.postJson("/renewal/not-a-renewal/" + step, browser.csrf(), csrJson());

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("There is no renewal in progress. Start again from the main menu.", reply.json().get("error"));
        assertNoStepCalled();
    }

    @Test
    void prepareSendsTheScriptOnToTheStartScreen() {
        Browser browser = server.signedIn(server.user, "ja");
        fakes.prepare.returns(started.awaitKey());

        Reply reply = browser.postJson(renewalPath + "/prepare", browser.csrf(), null);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(Map.of("next", renewalPath + "/start"), reply.json());
        assertEquals(new Fakes.OnRenewal(started.id(), server.user.who()), fakes.prepare.onlyCall());
    }

    @ParameterizedTest
    @CsvSource({"prepare, RENEWAL_TIMED_OUT, 410", "prepare, RENEWAL_NOT_FOUND, 404", "request, BAD_REQUEST_SIGNATURE, 400",
            "request, KEY_NOT_ACCEPTED, 400", "request, MALFORMED_REQUEST, 400", "request, ISSUANCE_FAILED, 503",
            "request, RENEWAL_TIMED_OUT, 410", "abandon, RENEWAL_NOT_FOUND, 404"})
    void aRefusedStepGivesTheScriptTheReasonInTheUsersLanguageAndItsCode(String step, Code code, int status) {
        for (String language : List.of("ja", "en")) {
            Browser browser = server.signedIn(server.user, language);
            fakes.prepare.refuses(code);
            fakes.submit.refuses(code);
            fakes.abandon.refuses(code);

            Reply reply = browser.postJson(renewalPath + "/" + step, browser.csrf(), csrJson());

            assertEquals(status, reply.status(), reply.toString());
            assertEquals(Map.of("error", Texts.of(language, "rejection." + code.name()), "code", code.name()), reply.json());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"csr\": \"not base64!\"}", "{}", "{\"csr\": null}", "{\"other\": \"x\"}"})
    void aRequestThatIsNoBase64IsMalformedAndReachesNoUseCase(String json) {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.postJson(renewalPath + "/request", browser.csrf(), json);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals(Map.of("error", "証明書要求を読み取れませんでした。", "code", "MALFORMED_REQUEST"), reply.json());
        assertFalse(fakes.submit.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "{\"csr\": "})
    void aRequestThatIsNoJsonIsABadRequestNotA500(String body) {
        Browser browser = server.signedIn(server.user, "ja");

        Reply reply = browser.postJson(renewalPath + "/request", browser.csrf(), body);

        assertEquals(400, reply.status(), reply.toString());
        assertFalse(fakes.submit.called());
    }

    @Test
    void theRequestIsIssuedAndTheScriptGetsTheCertificateItsChainAndTheFileName() {
        Browser browser = server.signedIn(server.user, "ja");
        TestPki.Credential renewed = server.pki.client("web-user");
        fakes.submit.returns(Samples.issued(renewed, server.user.who().loginId(), server.pki.caDer()));
        byte[] csr = server.pki.certificationRequest("web-user");

        Reply reply = browser.postJson(renewalPath + "/request", browser.csrf(), Json.write(Map.of("csr",
                Base64.getEncoder().encodeToString(csr))));

        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> issued = reply.json();
        assertArrayEquals(renewed.der(), Base64.getDecoder().decode((String) issued.get("certificate")));
        assertEquals(List.of(Base64.getEncoder().encodeToString(server.pki.caDer())), issued.get("caChain"));
        assertEquals(renewed.serialHex(), issued.get("serial"));
        assertEquals("web-user-" + renewed.serialHex() + ".p12", issued.get("fileName"));
        assertEquals(renewalPath + "/complete", issued.get("next"));
        Fakes.Submit call = fakes.submit.onlyCall();
        assertEquals(started.id(), call.renewal());
        assertEquals(server.user.who(), call.who());
        assertArrayEquals(csr, call.pkcs10Der());
    }

    @ParameterizedTest
    @CsvSource(value = {"save, declined to save the certificate on this PC", "key, declined to create a key pair on this PC",
            "NULL, declined to create a key pair on this PC"}, nullValues = "NULL")
    void abandoningSaysAtWhichConfirmationTheCustomerDeclined(String stage, String reason) {
        Browser browser = server.signedIn(server.user, "en");
        fakes.abandon.succeeds();

        Reply reply = browser.postJson(renewalPath + "/abandon", browser.csrf(),
                stage == null ? null : Json.write(Map.of("stage", stage)));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(Map.of("message", "The renewal was cancelled. Your current certificate keeps working."), reply.json());
        assertEquals(new Fakes.Abandon(started.id(), server.user.who(), reason), fakes.abandon.onlyCall());
    }

    private String csrJson() {
        return Json.write(Map.of("csr", Base64.getEncoder().encodeToString(new byte[] {48, 0})));
    }

    private void assertNoStepCalled() {
        assertFalse(fakes.prepare.called() || fakes.submit.called() || fakes.abandon.called());
    }
}
