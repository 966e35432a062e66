package certrenewal.adapters.web.customer;

import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.certificate.Certificate;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the renewal and the pickup (証明書取得) share once the browser has made its key
 * (static/js/key-flow.js): the request the page posts, the certificate it receives, and what
 * the 発行完了 screen shows of it.
 */
public final class KeyFlow {
    /** The header in which the page scripts send the session's CSRF token with their JSON steps. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private KeyFlow() {
    }

    /** The page's PKCS#10 request, base64 in JSON: {@code {"csr": …}}. */
    @Serdeable
    public record CertificateRequest(String csr) {
        /** The request's DER; MALFORMED_REQUEST when the page sent no base64. */
        public byte[] der() {
            if (csr == null) {
                throw malformed();
            }
            try {
                return Base64.getDecoder().decode(csr);
            } catch (IllegalArgumentException e) {
                // the JDK's decoder is the only judge of base64 it offers
                throw malformed();
            }
        }

        private static RequestRefusedException malformed() {
            return new RequestRefusedException(Rejection.of(Rejection.Code.MALFORMED_REQUEST));
        }
    }

    /** The new certificate and its CA chain (base64 DER), the PKCS#12 file's name, and where the page goes next. */
    @Serdeable
    public record IssuedReply(String certificate, List<String> caChain, String serial, String fileName, String next) {
        public static IssuedReply of(IssuedCertificate issued, String loginId, String next) {
            Certificate certificate = issued.certificate();
            Base64.Encoder b64 = Base64.getEncoder();
            return new IssuedReply(b64.encodeToString(certificate.der()),
                    issued.caChain().stream().map(b64::encodeToString).toList(), certificate.serial().hex(),
                    loginId + "-" + certificate.serial().hex() + ".p12", next);
        }
    }

    /** What 発行完了 shows of the certificate, as strings (the pickup keeps them in its session until then). */
    public static Map<String, String> shown(String loginId, Certificate certificate) {
        return Map.of(
                "loginId", loginId,
                "subject", certificate.subject().rfc4514(),
                "serial", certificate.serial().hex(),
                "issuer", certificate.issuer(),
                "notBefore", certificate.notBefore().toString(),
                "notAfter", certificate.notAfter().toString(),
                "fingerprint", HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(HexFormat.of().parseHex(certificate.sha256Fingerprint())));
    }
}
