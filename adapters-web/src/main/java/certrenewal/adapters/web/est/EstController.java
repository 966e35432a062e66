package certrenewal.adapters.web.est;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCaCertificatesUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RenewWithCertificateUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * EST (RFC 7030) for renewal: the CA certificates, and simplereenroll authenticated by the TLS
 * client certificate being renewed. Same use cases and rules as the browser flow.
 */
@Controller("/.well-known/est")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EstController {
    static final String PKCS7_CERTS_ONLY = "application/pkcs7-mime; smime-type=certs-only";
    static final String PKCS10 = "application/pkcs10";
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final GetCaCertificatesUseCase caCertificates;
    private final AuthenticateCertificateUseCase authentication;
    private final RenewWithCertificateUseCase renewal;

    private final ClientAddresses addresses;

    EstController(GetCaCertificatesUseCase caCertificates, AuthenticateCertificateUseCase authentication,
                  RenewWithCertificateUseCase renewal, ClientAddresses addresses) {
        this.addresses = addresses;
        this.caCertificates = caCertificates;
        this.authentication = authentication;
        this.renewal = renewal;
    }

    @Get("/cacerts")
    HttpResponse<String> cacerts() {
        return certsOnly(caCertificates.caCertificates());
    }

    @Post("/simplereenroll")
    // Never text/plain or a form type: a browser may send those cross-site without asking,
    // and the browser would present the customer's client certificate with them.
    @Consumes({PKCS10, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<String> simplereenroll(HttpRequest<?> request, @Body byte[] body) {
        // EstClientCertificateGate authenticated it before the body was read
        AuthenticatedId who = EstClientCertificateGate.authenticated(request)
                .orElseGet(() -> authentication.authenticateForRenewal(ClientCertificate.der(request), addresses.of(request)));
        IssuedCertificate issued = renewal.renew(who, decode(body));
        return certsOnly(List.of(issued.certificate().der()));
    }

    /** RFC 7030 sends the PKCS#10 DER in base64, line breaks allowed. */
    private static byte[] decode(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_REQUEST_BYTES) {
            throw new RequestRefusedException(Rejection.of(Rejection.Code.MALFORMED_REQUEST,
                    "The request body must be a base64 PKCS#10 certificate request of at most 16 KiB."));
        }
        try {
            return Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            // the JDK's decoder is the only judge of base64 it offers (MIME: it passes over what is not of its alphabet)
            throw new RequestRefusedException(Rejection.of(Rejection.Code.MALFORMED_REQUEST,
                    "The request body is not valid base64."));
        }
    }

    private static HttpResponse<String> certsOnly(List<byte[]> certificates) {
        return HttpResponse.ok(CertsOnly.base64(certificates))
                .contentType(PKCS7_CERTS_ONLY)
                .header("Content-Transfer-Encoding", "base64");
    }
}
