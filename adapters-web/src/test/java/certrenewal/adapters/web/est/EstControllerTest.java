package certrenewal.adapters.web.est;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.web.Browser;
import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Reply;
import certrenewal.adapters.web.Samples;
import certrenewal.adapters.web.TestPki;
import certrenewal.adapters.web.WebTest;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EstControllerTest extends WebTest {
    private static final String SIMPLEREENROLL = "/.well-known/est/simplereenroll";
    /** What every refusal answers, as RFC 7030 clients and scripts read the status. */
    private static final Map<Code, Integer> STATUS = Map.ofEntries(
            Map.entry(Code.NO_CLIENT_CERTIFICATE, 401), Map.entry(Code.UNKNOWN_CERTIFICATE, 403),
            Map.entry(Code.CERTIFICATE_REVOKED, 403), Map.entry(Code.CERTIFICATE_SUPERSEDED, 403),
            Map.entry(Code.CERTIFICATE_EXPIRED, 403), Map.entry(Code.CERTIFICATE_NOT_CURRENT, 403),
            Map.entry(Code.ID_LOCKED, 403), Map.entry(Code.ID_REVOKED, 403), Map.entry(Code.NOT_PERMITTED, 403),
            Map.entry(Code.WRONG_CONFIRMATION_PASSWORD, 403), Map.entry(Code.WRONG_ISSUANCE_PASSWORD, 401),
            Map.entry(Code.NOT_LOCKED, 409), Map.entry(Code.NO_CERTIFICATE, 404), Map.entry(Code.UNKNOWN_LOGIN_ID, 404),
            Map.entry(Code.WRONG_CREDENTIALS, 401), Map.entry(Code.PASSWORD_TOO_SHORT, 400),
            Map.entry(Code.PASSWORD_TOO_LONG, 400), Map.entry(Code.PASSWORD_CONTAINS_NAME, 400),
            Map.entry(Code.PASSWORD_RECENTLY_USED, 400),
            Map.entry(Code.CERTIFICATE_OF_ANOTHER_ID, 401), Map.entry(Code.LOGIN_ID_EXISTS, 409),
            Map.entry(Code.UNKNOWN_CONTRACT, 404), Map.entry(Code.CONTRACT_EXISTS, 409),
            Map.entry(Code.ALREADY_HAS_CERTIFICATE, 403), Map.entry(Code.OUTSIDE_RENEWAL_WINDOW, 403),
            Map.entry(Code.RENEWAL_ALREADY_OPEN, 409), Map.entry(Code.RENEWAL_NOT_FOUND, 404),
            Map.entry(Code.RENEWAL_TIMED_OUT, 410), Map.entry(Code.MALFORMED_REQUEST, 400),
            Map.entry(Code.BAD_REQUEST_SIGNATURE, 400), Map.entry(Code.KEY_NOT_ACCEPTED, 400),
            Map.entry(Code.KEY_ALREADY_CERTIFIED, 400), Map.entry(Code.KEY_COMPROMISED, 400),
            Map.entry(Code.ISSUANCE_LIMIT_REACHED, 429), Map.entry(Code.PICKUP_REFUSED, 401),
            Map.entry(Code.PICKUP_THROTTLED, 429), Map.entry(Code.ISSUANCE_FAILED, 503),
            Map.entry(Code.WRONG_CURRENT_PASSWORD, 403), Map.entry(Code.NEW_PASSWORDS_DIFFER, 400),
            Map.entry(Code.PASSWORD_CHANGE_REQUIRED, 403), Map.entry(Code.EXPIRED_REISSUE_BY_ADMINISTRATOR, 403),
            Map.entry(Code.EXPIRED_REISSUE_BY_BANK, 403),

            Map.entry(Code.STAFF_ACCOUNT_EXISTS, 409), Map.entry(Code.UNKNOWN_STAFF_ACCOUNT, 404),
            Map.entry(Code.INVALID_STAFF_USERNAME, 400), Map.entry(Code.OWN_STAFF_ACCOUNT, 403),
            Map.entry(Code.LAST_SECURITY_ADMINISTRATOR, 409), Map.entry(Code.STAFF_ACCOUNT_UNCHANGED, 409),
            Map.entry(Code.OWN_APPROVAL, 403), Map.entry(Code.STAFF_ACCOUNT_DISABLED, 409),
            Map.entry(Code.APPROVAL_EXPIRED, 410), Map.entry(Code.APPROVAL_DECIDED, 409),
            Map.entry(Code.APPROVAL_REQUIRED, 403));

    @Test
    void cacertsGivesTheBanksCaAsCertsOnlyCms() throws Exception {
        Reply reply = server.browser(null, null).get("/.well-known/est/cacerts");

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("application/pkcs7-mime; smime-type=certs-only", reply.header("Content-Type").orElseThrow());
        assertEquals("base64", reply.header("Content-Transfer-Encoding").orElseThrow());
        assertEquals(List.of(Base64.getEncoder().encodeToString(server.pki.caDer())), certificates(reply));
        assertFalse(reply.body().contains("\r"), "LF only: GNU base64 -d rejects CR");
    }

    @Test
    void simplereenrollRenewsTheIdOfThePresentedCertificate() throws Exception {
        TestPki.Credential renewed = server.pki.client("web-user");
        fakes.authenticate.returns(server.user.who());
        fakes.renew.returns(Samples.issued(renewed, server.user.who().loginId(), server.pki.caDer()));
        byte[] csr = server.pki.certificationRequest("web-user");

        Reply reply = reenroll(server.browser(server.user.certificate(), null), EstController.PKCS10,
                Base64.getMimeEncoder().encode(csr));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(List.of(Base64.getEncoder().encodeToString(renewed.der())), certificates(reply));
        assertArrayEquals(server.user.certificate().der(), fakes.authenticate.onlyCall().der(), "the certificate of the TLS handshake");
        // for renewing itself: a certificate expired within the grace period is accepted here (and only here)
        assertEquals(List.of("renewal"), fakes.authenticationPurposes);
        Fakes.Renew renewal = fakes.renew.onlyCall();
        assertEquals(server.user.who(), renewal.who());
        assertArrayEquals(csr, renewal.pkcs10Der());
    }

    @Test
    void simplereenrollWithoutAClientCertificateIsRefusedAndRenewsNothing() {
        fakes.authenticate.answers(presented -> {
            assertNull(presented.der());
            throw new RequestRefusedException(Rejection.of(Code.NO_CLIENT_CERTIFICATE));
        });

        Reply reply = reenroll(server.browser(null, null), EstController.PKCS10,
                Base64.getEncoder().encode(server.pki.certificationRequest("x")));

        assertEquals(401, reply.status(), reply.toString());
        assertEquals("NO_CLIENT_CERTIFICATE", reply.header("X-Refusal-Code").orElseThrow());
        assertEquals("No client certificate was presented.\n", reply.body());
        assertFalse(fakes.renew.called());
    }

    /** MIME base64 passes over what is not of its alphabet (line breaks above all); misplaced padding it cannot read. */
    @ParameterizedTest
    @ValueSource(strings = {"QQ=Q", "A===", "QUJD=QUJD", "MIIB=\nMIIB"})
    void aBodyThatIsNoBase64IsRefusedAndRenewsNothing(String body) {
        fakes.authenticate.returns(server.user.who());

        Reply reply = reenroll(server.browser(server.user.certificate(), null), EstController.PKCS10,
                body.getBytes(StandardCharsets.US_ASCII));

        assertEquals(400, reply.status(), reply.toString());
        assertEquals("MALFORMED_REQUEST", reply.header("X-Refusal-Code").orElseThrow());
        assertEquals("The request body is not valid base64.\n", reply.body());
        assertFalse(fakes.renew.called());
    }

    @Test
    void aBodyOfMoreThan16KiBIsRefusedAndRenewsNothing() {
        fakes.authenticate.returns(server.user.who());
        byte[] large = new byte[16 * 1024 + 1];
        Arrays.fill(large, (byte) 'A');

        Reply reply = reenroll(server.browser(server.user.certificate(), null), EstController.PKCS10, large);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals("The request body must be a base64 PKCS#10 certificate request of at most 16 KiB.\n", reply.body());
        assertFalse(fakes.renew.called());
    }

    @Test
    void anEmptyBodyIsRefusedAndRenewsNothing() {
        fakes.authenticate.returns(server.user.who());

        Reply reply = reenroll(server.browser(server.user.certificate(), null), EstController.PKCS10, new byte[0]);

        assertTrue(reply.status() == 400, reply.toString());
        assertFalse(fakes.renew.called());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", Browser.FORM, "multipart/form-data; boundary=x"})
    void aBodyABrowserMaySendCrossSiteIsNotAccepted(String contentType) {
        fakes.authenticate.returns(server.user.who());

        Reply reply = reenroll(server.browser(server.user.certificate(), null), contentType,
                Base64.getEncoder().encode(server.pki.certificationRequest("x")));

        assertEquals(415, reply.status(), reply.toString());
        assertFalse(fakes.authenticate.called() || fakes.renew.called());
    }

    @Test
    void anOctetStreamIsAcceptedLikePkcs10() {
        fakes.authenticate.returns(server.user.who());
        fakes.renew.returns(Samples.issued(server.pki.client("web-user"), server.user.who().loginId(), server.pki.caDer()));

        Reply reply = reenroll(server.browser(server.user.certificate(), null), "application/octet-stream",
                Base64.getEncoder().encode(server.pki.certificationRequest("web-user")));

        assertEquals(200, reply.status(), reply.toString());
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void everyRefusalHasItsStatusItsCodeAndItsPlainReason(Code code) {
        assertTrue(STATUS.keySet().containsAll(EnumSet.allOf(Code.class)), "every refusal has a status in this table");
        fakes.authenticate.returns(server.user.who());
        fakes.renew.refuses(code);

        Reply reply = reenroll(server.browser(server.user.certificate(), null), EstController.PKCS10,
                Base64.getEncoder().encode(server.pki.certificationRequest("web-user")));

        assertEquals((int) STATUS.get(code), reply.status(), reply.toString());
        assertEquals(code.name(), reply.header("X-Refusal-Code").orElseThrow());
        assertEquals(code.defaultMessage() + "\n", reply.body());
    }

    private static Reply reenroll(Browser browser, String contentType, byte[] body) {
        return browser.send("POST", SIMPLEREENROLL, contentType, body, Map.of());
    }

    /** The certificates of a certs-only reply, each as base64 DER. */
    private static List<String> certificates(Reply reply) throws CMSException, IOException {
        CMSSignedData cms = new CMSSignedData(Base64.getMimeDecoder().decode(reply.body()));
        List<String> out = new java.util.ArrayList<>();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            out.add(Base64.getEncoder().encodeToString(holder.getEncoded()));
        }
        return out;
    }
}
