package certrenewal.adapters.web.est;

import certrenewal.adapters.web.ClientAddresses;
import certrenewal.adapters.web.ClientCertificate;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.RequestRefusedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * simplereenroll authenticates its TLS client certificate before anything reads the body: a request without an
 * acceptable one is refused on its headers, however much it goes on sending. The controller takes the ID from here.
 */
@ServerFilter(value = "/.well-known/est/simplereenroll", methods = HttpMethod.POST)
final class EstClientCertificateGate {
    private static final String AUTHENTICATED = EstClientCertificateGate.class.getName() + ".who";

    private final AuthenticateCertificateUseCase authentication;
    private final RefusalHandler refusals;

    private final ClientAddresses addresses;

    EstClientCertificateGate(AuthenticateCertificateUseCase authentication, RefusalHandler refusals,
                             ClientAddresses addresses) {
        this.addresses = addresses;
        this.authentication = authentication;
        this.refusals = refusals;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        // a body of another type is the route's to refuse (415), and authenticates nothing
        boolean accepted = request.getContentType().map(type -> type.matches(MediaType.of(EstController.PKCS10))
                || type.matches(MediaType.APPLICATION_OCTET_STREAM_TYPE)).orElse(false);
        if (!accepted) {
            return null;
        }
        try {
            request.setAttribute(AUTHENTICATED, authentication.authenticateForRenewal(ClientCertificate.der(request), addresses.of(request)));
            return null;
        } catch (RequestRefusedException e) {
            return refusals.handle(request, e);
        }
    }

    /** Who the gate authenticated for {@code request}, if it did. */
    static Optional<AuthenticatedId> authenticated(HttpRequest<?> request) {
        return request.getAttribute(AUTHENTICATED, AuthenticatedId.class);
    }
}
