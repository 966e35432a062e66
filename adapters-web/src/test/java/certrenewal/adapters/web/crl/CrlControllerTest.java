package certrenewal.adapters.web.crl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.WebTest;
import org.junit.jupiter.api.Test;

class CrlControllerTest extends WebTest {

    @Test
    void theCurrentCrlIsServedToAnyoneAsDerForCaching() {
        byte[] crl = {0x30, (byte) 0x82, 0x01, 0x00, (byte) 0xff, 0x0a, 0x0d};
        fakes.crl.returns(crl);

        Reply reply = server.browser(null, null).get("/crl/ca.crl");

        assertEquals(200, reply.status(), reply.toString());
        assertArrayEquals(crl, reply.bytes(), "the bytes exactly");
        assertEquals("application/pkix-crl", reply.header("Content-Type").orElseThrow());
        assertEquals("max-age=60", reply.header("Cache-Control").orElseThrow(), "public and cached, unlike the pages");
        assertEquals("nosniff", reply.header("X-Content-Type-Options").orElseThrow());
        assertTrue(fakes.crl.called());
    }

    @Test
    void theCrlIsSignedNowhereButInTheUseCase() {
        fakes.crl.returns(new byte[] {0x30, 0x00});

        server.browser(null, null).get("/crl/ca.crl");
        server.browser(null, null).get("/crl/ca.crl");

        assertEquals(2, fakes.crl.calls().size(), "asked of the use case each time, never kept here");
    }

    @Test
    void onlyTheCurrentCrlIsServed() {
        assertEquals(404, server.browser(null, null).get("/crl/other.crl").status());
        assertEquals(405, server.browser(null, null).post("/crl/ca.crl", "x", "y").status());
    }
}
