package certrenewal.adapters.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.MediaType;
import io.micronaut.core.annotation.Nullable;

/**
 * The plain-HTTP listener serves revocation status only: the CRL (at the path in every certificate's CRL
 * distribution point; RFC 5280 prefers HTTP there, and relying parties verify its signature, not the channel) and
 * the OCSP responder. Every other request that did not come over TLS gets 404 before anything else looks at it:
 * no login, console, EST, page or management endpoint is reachable without TLS.
 *
 * <p>One plain-HTTP listener is not this one: the management listener ({@code endpoints.all.port}, when set), where
 * the server exposes the routes bound to that port only (the management endpoints, /health and /prometheus) and
 * none of the web's. Requests arriving there pass this gate; the routing answers 404 to everything else.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class PlainHttpGate implements Ordered {
    static final String CRL_PATH = "/crl/ca.crl";
    static final String OCSP_PATH = "/ocsp";

    private final @Nullable Integer managementPort;

    PlainHttpGate(@Property(name = "endpoints.all.port") @Nullable Integer managementPort) {
        this.managementPort = managementPort;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> onlyRevocationStatusWithoutTls(HttpRequest<?> request) {
        if (request.isSecure() || atManagementListener(request) || servedWithoutTls(request)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Only the CRL and OCSP are served over plain HTTP; everything else is at https.");
    }

    private boolean atManagementListener(HttpRequest<?> request) {
        return managementPort != null && managementPort > 0
                && request.getServerAddress().getPort() == managementPort;
    }

    private static boolean servedWithoutTls(HttpRequest<?> request) {
        String path = request.getPath();
        HttpMethod method = request.getMethod();
        if (path.equals(CRL_PATH)) {
            return method == HttpMethod.GET || method == HttpMethod.HEAD;
        }
        if (path.equals(OCSP_PATH)) {
            return method == HttpMethod.POST;
        }
        return path.startsWith(OCSP_PATH + "/") && method == HttpMethod.GET;
    }

    /** Before every other filter, so that none of them (sessions, CSRF, attempt limits) sees such a request. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
