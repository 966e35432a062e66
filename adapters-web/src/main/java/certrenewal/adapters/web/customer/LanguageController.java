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
import java.util.regex.Pattern;

/** The language link: remembers the choice in the {@code lang} cookie and returns to the page. */
@Controller("/lang")
final class LanguageController {
    static final String COOKIE = "lang";
    /**
     * A path on this site as the language link carries it (its query percent-encoded): never
     * another site (an open redirect), never what is no URI at all.
     */
    private static final Pattern SITE_PATH = Pattern.compile("/(?!/)([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%\\p{XDigit}{2})*");

    @Get("/{code}")
    HttpResponse<?> choose(@PathVariable String code, @Nullable @QueryValue String next) {
        String language = "en".equals(code) ? "en" : "ja";
        String target = next != null && SITE_PATH.matcher(next).matches() ? next : "/login";
        return Pages.redirect(target).cookie(Cookie.of(COOKIE, language).path("/").httpOnly(true).secure(true)
                .sameSite(SameSite.Lax).maxAge(Duration.ofDays(365)));
    }
}
