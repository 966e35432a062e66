package certrenewal.adapters.web.pickup;

import certrenewal.adapters.web.customer.Pages;
import certrenewal.adapters.web.limits.AttemptLimits;
import certrenewal.adapters.web.limits.FormFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import java.time.Duration;
import java.util.Map;

/**
 * 証明書取得's credentials form: attempts per client address and per login ID ({@link AttemptLimits}, the login's
 * buckets). Past them, 429 with the form. ({@link PickupRequestAttemptLimit} counts the certificate request.)
 */
@ServerFilter(value = "/pickup", methods = HttpMethod.POST)
final class PickupAttemptLimit implements Ordered {
    private final AttemptLimits limits;
    private final FilterBodyParser bodies;
    private final Pages pages;

    PickupAttemptLimit(AttemptLimits limits, FilterBodyParser bodies, Pages pages) {
        this.limits = limits;
        this.bodies = bodies;
        this.pages = pages;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        Map<String, Object> form = FormFields.of(bodies, request);
        Session session = SessionForRequest.find(request).orElse(null);
        String loginId = AttemptLimits.field(form, "loginId");
        return limits.attempt(request, "customer", loginId).map(wait -> refusedForm(request, session, loginId, wait))
                .orElse(null);
    }

    private HttpResponse<?> refusedForm(HttpRequest<?> request, Session session, String loginId, Duration wait) {
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", loginId == null ? "" : loginId.strip());
        model.put("alert", pages.text(request, "attempts.limited", AttemptLimits.retryAfter(wait)));
        return limits.tooMany(request, wait, "pickup/form", model);
    }

    /** After the session filter, for the page's CSRF token. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}
