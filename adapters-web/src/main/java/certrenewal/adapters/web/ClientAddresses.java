package certrenewal.adapters.web;

import certrenewal.application.port.in.ClientAddress;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The client address of a request as Micronaut resolves it (the peer, or a forwarded header when
 * the operator configured a trusted proxy), for the use cases that count anonymous refusals by it.
 */
@Singleton
public final class ClientAddresses {
    private final HttpClientAddressResolver resolver;

    ClientAddresses(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    public ClientAddress of(HttpRequest<?> request) {
        return ClientAddress.of(resolver.resolve(request));
    }
}
