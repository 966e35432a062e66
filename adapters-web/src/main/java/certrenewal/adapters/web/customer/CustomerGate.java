package certrenewal.adapters.web.customer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

/** Where a request without a signed-in session goes: the login screen, saying so when the session expired. */
public final class CustomerGate {
    private CustomerGate() {
    }

    public static HttpResponse<?> toLogin(HttpRequest<?> request) {
        return Pages.redirect(SignedIn.hadSession(request) ? "/login?expired=1" : "/login");
    }
}
