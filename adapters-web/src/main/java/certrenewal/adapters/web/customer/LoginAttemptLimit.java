package certrenewal.adapters.web.customer;

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

/** Login attempts per client address and per login ID ({@link AttemptLimits}): past them, 429 on the login screen. */
@ServerFilter(value = "/login", methods = HttpMethod.POST)
final class LoginAttemptLimit implements Ordered {
    private final AttemptLimits limits;
    private final Pages pages;

    LoginAttemptLimit(AttemptLimits limits, Pages pages) {
        this.limits = limits;
        this.pages = pages;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        return limits.limitForm(request, "customer", "loginId", "login", (typed, wait) -> {
            Map<String, Object> model = pages.model(request, SessionForRequest.find(request).orElse(null));
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
