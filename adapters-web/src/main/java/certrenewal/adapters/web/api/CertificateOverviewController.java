package certrenewal.adapters.web.api;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.domain.Rejection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The certificate of the ID whose TLS client certificate is presented. Presenting a renewed
 * certificate here for the first time confirms the renewal, as a login will.
 */
@Controller("/api/me")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CertificateOverviewController {
    private final AuthenticateCertificateUseCase authentication;
    private final GetCertificateOverviewUseCase overview;

    private final ClientAddresses addresses;

    CertificateOverviewController(AuthenticateCertificateUseCase authentication, GetCertificateOverviewUseCase overview,
                                  ClientAddresses addresses) {
        this.addresses = addresses;
        this.authentication = authentication;
        this.overview = overview;
    }

    @Get("/certificate")
    CertificateView certificate(HttpRequest<?> request) {
        CertificateOverview o = overview.overview(authentication.authenticate(ClientCertificate.der(request), addresses.of(request)));
        return new CertificateView(o.loginId().value(), o.kind().name(), o.serial().hex(), o.subject().rfc4514(),
                o.notBefore().toString(), o.notAfter().toString(), o.status().name(),
                o.renewalWindowOpensAt().toString(), o.renewalRefusal().isEmpty(),
                o.renewalRefusal().map(Rejection::message).orElse(null));
    }

    @Serdeable
    record CertificateView(String loginId, String kind, String serial, String subject, String notBefore,
                           String notAfter, String status, String renewalWindowOpensAt, boolean renewable,
                           String renewalRefusedBecause) {
    }
}
