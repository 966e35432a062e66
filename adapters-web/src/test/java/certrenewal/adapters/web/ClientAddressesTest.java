package certrenewal.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.domain.Rejection.Code;
import java.net.InetAddress;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every use case that counts anonymous refusals by client address is given the address the request
 * came from (these tests connect over loopback), not a placeholder.
 */
class ClientAddressesTest extends WebTest {

    @Test
    void customerLoginPassesTheAddress() throws Exception {
        Browser browser = server.browser(server.user.certificate(), "en");
        browser.get("/login");
        fakes.logIn.refuses(Code.WRONG_CREDENTIALS);

        browser.post("/login", "_csrf", browser.csrf(), "loginId", "web-user", "password", Samples.LOGIN_PASSWORD);

        assertLoopback();
    }

    @Test
    void consoleLoginPassesTheAddress() throws Exception {
        Browser browser = server.browser(null, "en");
        browser.get("/console/login");
        fakes.staffLogIn.refuses(Code.WRONG_CREDENTIALS);

        browser.post("/console/login", "_csrf", browser.csrf(), "username", "nobody", "password", "Staff-Pass-1");

        assertLoopback();
    }

    @Test
    void pickupPassesTheAddress() throws Exception {
        Browser browser = server.browser(null, "en");
        browser.get("/pickup");
        fakes.verifyPickup.refuses(Code.PICKUP_REFUSED);

        browser.post("/pickup", "_csrf", browser.csrf(), "loginId", "nobody", "password", Samples.LOGIN_PASSWORD,
                "issuancePassword", "ABCDEFGHJKLMNPQR");

        assertLoopback();
    }

    @Test
    void estPassesTheAddress() throws Exception {
        fakes.authenticate.refuses(Code.UNKNOWN_CERTIFICATE);

        server.browser(server.user.certificate(), null).send("POST", "/.well-known/est/simplereenroll", "application/pkcs10",
                Base64.getMimeEncoder().encode(server.pki.certificationRequest("web-user")), Map.of());

        assertLoopback();
    }

    private void assertLoopback() throws Exception {
        assertEquals(1, fakes.addresses.size(), fakes.addresses.toString());
        ClientAddress from = fakes.addresses.getFirst();
        assertTrue(InetAddress.getByName(from.value()).isLoopbackAddress(), from.value());
    }
}
