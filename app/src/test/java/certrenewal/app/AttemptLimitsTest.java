package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attempt limits of the password forms as application.yml sets them (30 a minute per client address,
 * 10 per login ID), over HTTP against the running system: 429, Retry-After and the form's page in the user's language.
 */
class AttemptLimitsTest {

    @TempDir
    static Path dataDir;
    private static EndToEnd system;

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void eachFormRefusesPastItsLimitsWithRetryAfterOnItsOwnPage() throws Exception {
        FormClient ja = new FormClient(system, "ja");
        FormClient en = new FormClient(system, "en");
        // per login ID: ten wrong logins, then 429 on the login page, for 証明書取得 with the same ID too
        for (int i = 0; i < 10; i++) {
            assertEquals(401, ja.post("/login", "/login", Map.of("loginId", "someone01", "password", "wrong")).statusCode());
        }
        HttpResponse<String> limited = ja.post("/login", "/login", Map.of("loginId", "someone01", "password", "wrong"));
        assertLimited(limited, "試行回数が上限に達しました", "name=\"loginId\"");
        assertLimited(en.post("/pickup", "/pickup", Map.of("loginId", "someone01", "password", "wrong",
                "issuancePassword", "wrong")), "Too many attempts", "name=\"issuancePassword\"");
        // staff names count apart
        for (int i = 0; i < 10; i++) {
            assertEquals(401, en.post("/console/login", "/console/login", Map.of("username", "someone01", "password", "wrong")).statusCode());
        }
        assertLimited(en.post("/console/login", "/console/login", Map.of("username", "someone01", "password", "wrong")),
                "Too many attempts", "name=\"username\"");
        // per address: 23 attempts so far; fresh IDs run into the address's 30 within a few more (it refills at 1 per 2 s)
        int allowed = 0;
        HttpResponse<String> reply;
        while ((reply = ja.post("/login", "/login", Map.of("loginId", "fresh" + allowed, "password", "wrong"))).statusCode() != 429) {
            assertEquals(401, reply.statusCode());
            allowed++;
            assertTrue(allowed < 20, "the address was never limited");
        }
        assertTrue(allowed >= 5, "limited after " + allowed);
        assertLimited(reply, "試行回数が上限に達しました", "name=\"loginId\"");
        // the certificate request of 証明書取得 (JSON) counts for the address too
        HttpResponse<String> json = ja.send(HttpRequest.newBuilder(URI.create(system.url("/pickup/request")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(429, json.statusCode());
        assertTrue(json.body().contains("\"error\""), json.body());
        assertTrue(json.headers().firstValue("Retry-After").isPresent());
    }

    private static void assertLimited(HttpResponse<String> reply, String message, String formField) {
        assertEquals(429, reply.statusCode(), reply.body());
        long retryAfter = Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(reply.body().contains(message), reply.body());
        assertTrue(reply.body().contains(formField), reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }
}
