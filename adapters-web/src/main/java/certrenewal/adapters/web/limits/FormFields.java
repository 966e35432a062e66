package certrenewal.adapters.web.limits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.filter.FilterBodyParser;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A filter's look at a form's fields, leaving the body to the controller (Micronaut's filter body parser reads a
 * split of it); none when it cannot be read. (Micronaut 4.10's filters can neither bind a form with {@code @Body}
 * nor continue after a future completing with no response, hence the blocking wait.) Known: with assertions on
 * (tests), Micronaut 4.10 at times logs "Failed to build error response" with an AssertionError of its body buffer
 * when it releases such a request after the response; the answers are right, and production runs without -ea.
 */
public final class FormFields {
    private FormFields() {
    }

    /** Blocks until the body is in: call it on the blocking executor only. */
    public static Map<String, Object> of(FilterBodyParser bodies, HttpRequest<?> request) {
        try {
            return bodies.parseBody(request).join();
        } catch (CompletionException | IllegalArgumentException e) {
            // a body that is no form at all is the controller's to refuse
            return Map.of();
        }
    }
}
