package certrenewal.adapters.web.pickup;

import certrenewal.adapters.web.customer.Pages;
import certrenewal.adapters.web.limits.AttemptLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.http.SessionForRequest;
import java.util.Map;

/**
 * 証明書取得's credentials form: attempts per client address and per login ID ({@link AttemptLimits}, the login's
 * buckets). Past them, 429 with the form. ({@link PickupRequestAttemptLimit} counts the certificate request.)
 */
@ServerFilter(value = "/pickup", methods = HttpMethod.POST)
final class PickupAttemptLimit implements Ordered {
    private final AttemptLimits limits;
    private final Pages pages;

    PickupAttemptLimit(AttemptLimits limits, Pages pages) {
        this.limits = limits;
        this.pages = pages;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        return limits.limitForm(request, "customer", "loginId", "pickup/form", (typed, wait) -> {
            Map<String, Object> model = pages.model(request, SessionForRequest.find(request).orElse(null));
            model.put("loginId", typed == null ? "" : typed.strip());
            model.put("alert", pages.text(request, "attempts.limited", AttemptLimits.retryAfter(wait)));
            return model;
        });
    }

    /** After the session filter, for the page's CSRF token. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}
