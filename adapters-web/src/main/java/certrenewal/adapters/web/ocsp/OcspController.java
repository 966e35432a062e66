package certrenewal.adapters.web.ocsp;

import certrenewal.application.port.in.AnswerOcspRequestUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;

/**
 * The OCSP responder over HTTP (RFC 6960, appendix A): a DER request POSTed as {@code application/ocsp-request}, or
 * base64 in the path of a GET (URL-encoded: {@code +}, {@code /} and {@code =} may come as {@code %2B}, {@code %2F},
 * {@code %3D}). Whatever arrives, the answer is an OCSP response (malformedRequest for junk), never an HTTP error.
 */
@Controller(OcspController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
final class OcspController {
    static final String PATH = "/ocsp";
    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";

    private final AnswerOcspRequestUseCase ocsp;

    OcspController(AnswerOcspRequestUseCase ocsp) {
        this.ocsp = ocsp;
    }

    @Post
    @Consumes(OCSP_REQUEST)
    HttpResponse<byte[]> post(@Body byte[] request) {
        return answer(request);
    }

    @Get("/{+encoded}")
    HttpResponse<byte[]> get(HttpRequest<?> request) {
        return answer(decode(request.getUri().getRawPath().substring(PATH.length() + 1)));
    }

    private HttpResponse<byte[]> answer(byte[] request) {
        // answers come from the database at the time of asking: nothing to cache
        return HttpResponse.ok(ocsp.answer(request)).contentType(OCSP_RESPONSE).header("Cache-Control", "no-store");
    }

    /** Percent-decoding that keeps '+' (a base64 digit, not a space), then base64; junk becomes an empty request. */
    private static byte[] decode(String rawPath) {
        try {
            String base64 = new URI("/" + rawPath).getPath().substring(1);
            return Base64.getDecoder().decode(base64);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
