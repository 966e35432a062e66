package certrenewal.adapters.web.limits;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Attempts at the forms that check passwords (customer login, 証明書取得, console login): so many per client address
 * and so many per login ID in a window, in memory on this node (several nodes each allow as much).
 */
@Singleton
public final class AttemptLimits {
    private final HttpClientAddressResolver addresses;
    private final ViewsRendererLocator views;
    private final FilterBodyParser bodies;
    private final TokenBuckets perAddress;
    private final TokenBuckets perLoginId;

    AttemptLimits(HttpClientAddressResolver addresses, ViewsRendererLocator views, FilterBodyParser bodies,
                  @Value("${certrenewal.attempt-limits.per-address:30}") int perAddress,
                  @Value("${certrenewal.attempt-limits.per-login-id:10}") int perLoginId,
                  @Value("${certrenewal.attempt-limits.window:1m}") Duration window,
                  @Value("${certrenewal.attempt-limits.max-tracked:100000}") int maxTracked) {
        this.addresses = addresses;
        this.views = views;
        this.bodies = bodies;
        this.perAddress = new TokenBuckets(perAddress, window, maxTracked, System::nanoTime);
        this.perLoginId = new TokenBuckets(perLoginId, window, maxTracked, System::nanoTime);
    }

    /**
     * Counts one attempt of {@code request}'s client address and, unless null or blank, of {@code loginId} in
     * {@code namespace} ("customer", "staff"): empty when allowed, else how long until it would be.
     */
    public Optional<Duration> attempt(HttpRequest<?> request, String namespace, String loginId) {
        String address = addresses.resolve(request);
        Optional<Duration> wait = perAddress.take("address:" + (address == null ? "?" : address));
        if (wait.isPresent() || loginId == null || loginId.isBlank()) {
            return wait;
        }
        // IDs longer than any real one still count, under a bounded key
        String id = loginId.strip();
        return perLoginId.take(namespace + ":" + (id.length() > 128 ? id.substring(0, 128) : id));
    }

    /**
     * 429 with Retry-After and {@code view} (the form's page, its alert saying why) rendered here: a filter's
     * answer does not pass through the views filter.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public HttpResponse<String> tooMany(HttpRequest<?> request, Duration wait, String view, Map<String, Object> model) {
        ViewsRenderer renderer = views.resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no renderer for " + view));
        StringWriter page = new StringWriter();
        try {
            renderer.render(view, model, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, retryAfter(wait))
                .contentType(MediaType.TEXT_HTML + ";charset=UTF-8")
                .body(page.toString());
    }

    /**
     * What each password form's filter does: counts one attempt of the client address and of the posted form's
     * {@code idField} in {@code namespace}; past a limit, 429 with the form's {@code view}, whose model {@code page}
     * makes from the typed ID and the wait (its alert saying why). Null when the attempt may go on. Blocks until the
     * body is in: call it on the blocking executor only.
     */
    @Nullable
    public HttpResponse<?> limitForm(HttpRequest<?> request, String namespace, String idField, String view,
                                     BiFunction<String, Duration, Map<String, Object>> page) {
        String typed = field(FormFields.of(bodies, request), idField);
        return attempt(request, namespace, typed)
                .<HttpResponse<?>>map(wait -> tooMany(request, wait, view, page.apply(typed, wait)))
                .orElse(null);
    }

    /** RFC 9110 Retry-After in whole seconds, at least one. */
    public static String retryAfter(Duration wait) {
        return String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** The first value of a parsed form or JSON field, if it is one. */
    public static String field(Map<String, ?> body, String name) {
        Object value = body == null ? null : body.get(name);
        if (value instanceof Iterable<?> values) {
            var it = values.iterator();
            value = it.hasNext() ? it.next() : null;
        }
        return value == null ? null : value.toString();
    }
}
