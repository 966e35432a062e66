package certrenewal.adapters.web.pickup;

import certrenewal.adapters.web.customer.Pages;
import certrenewal.adapters.web.limits.AttemptLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import java.util.Map;

/**
 * 証明書取得's certificate request (JSON): one attempt of the client address and of the login ID its session
 * verified ({@link AttemptLimits}). Past them, 429 with the JSON error the browser's script shows.
 */
@ServerFilter(value = "/pickup/request", methods = HttpMethod.POST)
final class PickupRequestAttemptLimit implements Ordered {
    private final AttemptLimits limits;
    private final Pages pages;

    PickupRequestAttemptLimit(AttemptLimits limits, Pages pages) {
        this.limits = limits;
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        Session session = SessionForRequest.find(request).orElse(null);
        String loginId = session == null ? null : session.get("pickup.loginId", String.class).orElse(null);
        return limits.attempt(request, "customer", loginId).map(wait -> HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, AttemptLimits.retryAfter(wait))
                .body(Map.of("error", pages.text(request, "attempts.limited", AttemptLimits.retryAfter(wait)),
                        "code", "TOO_MANY_ATTEMPTS"))).orElse(null);
    }

    /** After the session filter, which finds the verified ID. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}
