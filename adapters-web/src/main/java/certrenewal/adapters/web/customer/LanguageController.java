package certrenewal.adapters.web.customer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/** The language link: remembers the choice in the {@code lang} cookie and returns to the page. */
@Controller("/lang")
final class LanguageController {
    static final String COOKIE = "lang";

    @Get("/{code}")
    HttpResponse<?> choose(@PathVariable String code, @Nullable @QueryValue String next) {
        String language = "en".equals(code) ? "en" : "ja";
        // Only a path on this site: never an open redirect.
        String target = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/login";
        return Pages.redirect(target).cookie(Cookie.of(COOKIE, language).path("/").httpOnly(true).secure(true)
                .sameSite(SameSite.Lax).maxAge(Duration.ofDays(365)));
    }
}
