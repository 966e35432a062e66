package certrenewal.adapters.web.crl;

import certrenewal.application.port.in.GetCrlUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The CRL named in every certificate's CRL distribution point (RFC 5280, DER). */
@Controller("/crl")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CrlController {
    static final String PKIX_CRL = "application/pkix-crl";
    private final GetCrlUseCase crl;

    CrlController(GetCrlUseCase crl) {
        this.crl = crl;
    }

    @Get("/ca.crl")
    HttpResponse<byte[]> current() {
        // Overrides the no-store the security filter sets on dynamic replies: a CRL is public and meant to be cached until it changes.
        return HttpResponse.ok(crl.currentCrl()).contentType(PKIX_CRL).header("Cache-Control", "max-age=60");
    }
}
