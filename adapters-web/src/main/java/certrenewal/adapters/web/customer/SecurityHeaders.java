package certrenewal.adapters.web.customer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening on every reply: scripts only from this site (plus the one inline import map,
 * by its hash), no framing, no sniffing, no referrer to other sites, and no caching of pages with personal data
 * (unless a controller chose a caching policy itself, as the public CRL does).
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class SecurityHeaders {
    private final String contentSecurityPolicy;

    SecurityHeaders(Pages pages) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self' " + pages.importMapCspSource
                + "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                + " frame-ancestors 'none'; form-action 'self'";
    }

    @ResponseFilter
    void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", contentSecurityPolicy);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer browsers post "Origin: null", which the server refuses.
        response.header("Referrer-Policy", "same-origin");
        response.header("Strict-Transport-Security", "max-age=31536000");
        if (!request.getPath().startsWith("/static/") && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
