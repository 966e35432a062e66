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
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * パスワード変更 attempts per client address and per login ID ({@link AttemptLimits}, counted with the login's): the
 * ID is the session's, as the form names none. Past them, 429 on the password screen.
 */
@ServerFilter(value = "/password", methods = HttpMethod.POST)
final class PasswordAttemptLimit implements Ordered {
    private final AttemptLimits limits;
    private final Pages pages;

    PasswordAttemptLimit(AttemptLimits limits, Pages pages) {
        this.limits = limits;
        this.pages = pages;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        Session session = SessionForRequest.find(request).orElse(null);
        Optional<Duration> wait = limits.attempt(request, "customer", SignedIn.loginIdOf(session).orElse(null));
        if (wait.isEmpty()) {
            return null;
        }
        Map<String, Object> model = pages.model(request, session);
        model.put("alert", pages.text(request, "attempts.limited", AttemptLimits.retryAfter(wait.get())));
        return limits.tooMany(request, wait.get(), "password", model);
    }

    /** After the session filter, for the page's CSRF token. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.after();
    }
}
