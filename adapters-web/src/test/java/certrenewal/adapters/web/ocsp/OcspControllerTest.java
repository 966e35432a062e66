package certrenewal.adapters.web.ocsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.WebTest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcspControllerTest extends WebTest {
    /** Not a real request: the adapter passes bytes through, the use case reads them. */
    private static final byte[] REQUEST = {0x30, 0x03, (byte) 0xfb, (byte) 0xff, 0x3e};
    private static final byte[] RESPONSE = {0x30, 0x03, 0x0a, 0x01, 0x00};

    @Test
    void aPostedRequestIsAnsweredOverPlainHttp() {
        fakes.ocsp.returns(RESPONSE);

        Reply reply = server.plainHttp().send("POST", "/ocsp", "application/ocsp-request", REQUEST, Map.of());

        assertEquals(200, reply.status(), reply.toString());
        assertArrayEquals(RESPONSE, reply.bytes());
        assertEquals("application/ocsp-response", reply.header("Content-Type").orElseThrow());
        assertEquals(List.of(HexFormat.of().formatHex(REQUEST)), fakes.ocsp.calls());
    }

    @Test
    void aGetCarriesTheRequestInBase64InThePathPlainOrUrlEncoded() {
        fakes.ocsp.returns(RESPONSE);
        String base64 = Base64.getEncoder().encodeToString(REQUEST); // "MAP7/z4=": a '/' and a '='

        assertEquals(200, server.plainHttp().get("/ocsp/" + base64).status());
        assertEquals(200, server.plainHttp().get("/ocsp/" + base64.replace("/", "%2F").replace("=", "%3D")).status());

        assertEquals(List.of(HexFormat.of().formatHex(REQUEST), HexFormat.of().formatHex(REQUEST)), fakes.ocsp.calls());
    }

    @Test
    void junkInThePathReachesTheUseCaseAsAnEmptyRequestWhichAnswersMalformed() {
        fakes.ocsp.returns(RESPONSE);

        Reply reply = server.plainHttp().get("/ocsp/not*base64");

        assertEquals(200, reply.status());
        assertEquals(List.of(""), fakes.ocsp.calls());
    }

    @Test
    void theCrlIsServedOverPlainHttpToo() {
        byte[] crl = {0x30, 0x00};
        fakes.crl.returns(crl);

        Reply reply = server.plainHttp().get("/crl/ca.crl");

        assertEquals(200, reply.status());
        assertArrayEquals(crl, reply.bytes());
    }

    @Test
    void nothingElseAnswersOverPlainHttp() {
        Browser plain = server.plainHttp();
        for (String path : List.of("/", "/login", "/console", "/console/login", "/main", "/pickup",
                "/.well-known/est/cacerts", "/static/css/app.css", "/api/me/certificate", "/crl/other.crl")) {
            assertEquals(404, plain.get(path).status(), path);
        }
        assertEquals(404, plain.post("/login", "loginId", "demo-user1", "password", "x").status());
        assertEquals(404, plain.send("POST", "/.well-known/est/simplereenroll", "application/pkcs10",
                new byte[] {1}, Map.of()).status());
        assertEquals(404, plain.send("GET", "/ocsp", null, null, Map.of()).status(), "the POST path, GET");
        assertFalse(fakes.logIn.called());
        assertFalse(fakes.ocsp.called());
    }

    @Test
    void overTlsEverythingElseStillAnswers() {
        assertEquals(200, server.browser(null, null).get("/login").status());
    }
}
