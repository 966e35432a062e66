package certrenewal.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateOverviewControllerTest extends WebTest {

    @Test
    void thePresentedCertificatesIdSeesItsCertificate() {
        fakes.authenticate.returns(server.user.who());
        fakes.overview.answers(who -> Samples.overview(who, null));

        Reply reply = server.browser(server.user.certificate(), null).get("/api/me/certificate");

        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> view = reply.json();
        assertEquals("web-user", view.get("loginId"));
        assertEquals("USER", view.get("kind"));
        // not a renewal: a certificate expired within the grace period is refused here as expired
        assertEquals(java.util.List.of("use"), fakes.authenticationPurposes);
        assertEquals(server.user.who().certificate().hex(), view.get("serial"));
        assertEquals("CN=web-user,OU=0000001,O=Web Test Co.,C=JP", view.get("subject"));
        assertEquals("2026-04-21T00:00:00Z", view.get("notAfter"));
        assertEquals("ACTIVE", view.get("status"));
        assertEquals(true, view.get("renewable"));
        assertNull(view.get("renewalRefusedBecause"));
        assertArrayEquals(server.user.certificate().der(), fakes.authenticate.onlyCall().der());
        assertEquals(server.user.who(), fakes.overview.onlyCall());
    }

    @Test
    void whyRenewalIsNotPossibleIsSaidInPlainEnglish() {
        fakes.authenticate.returns(server.user.who());
        fakes.overview.answers(who -> Samples.overview(who, Rejection.of(Code.RENEWAL_ALREADY_OPEN)));

        Map<String, Object> view = server.browser(server.user.certificate(), "ja").get("/api/me/certificate").json();

        assertEquals(false, view.get("renewable"));
        assertEquals("A renewal of this certificate is already in progress.", view.get("renewalRefusedBecause"));
    }

    @Test
    void withoutAClientCertificateTheAnswerIs401() {
        fakes.authenticate.answers(presented -> {
            assertNull(presented.der());
            throw new RequestRefusedException(Rejection.of(Code.NO_CLIENT_CERTIFICATE));
        });

        Reply reply = server.browser(null, null).get("/api/me/certificate");

        assertEquals(401, reply.status(), reply.toString());
        assertEquals("NO_CLIENT_CERTIFICATE", reply.header("X-Refusal-Code").orElseThrow());
        assertFalse(fakes.overview.called());
    }

    @ParameterizedTest
    @CsvSource({"UNKNOWN_CERTIFICATE, 403", "CERTIFICATE_REVOKED, 403", "CERTIFICATE_SUPERSEDED, 403", "CERTIFICATE_EXPIRED, 403"})
    void aCertificateTheBankDoesNotAcceptIsRefusedWithItsReason(Code code, int status) {
        fakes.authenticate.refuses(code);

        Reply reply = server.browser(server.user.certificate(), null).get("/api/me/certificate");

        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code.name(), reply.header("X-Refusal-Code").orElseThrow());
        assertEquals(code.defaultMessage() + "\n", reply.body());
        assertFalse(fakes.overview.called());
    }
}
