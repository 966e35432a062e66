package certrenewal.adapters.web;

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
 * no login, console, EST or page is reachable without TLS.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class PlainHttpGate implements Ordered {
    static final String CRL_PATH = "/crl/ca.crl";
    static final String OCSP_PATH = "/ocsp";

    @RequestFilter
    @Nullable
    HttpResponse<?> onlyRevocationStatusWithoutTls(HttpRequest<?> request) {
        if (request.isSecure() || servedWithoutTls(request)) {
            return null;
        }
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Only the CRL and OCSP are served over plain HTTP; everything else is at https.");
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
