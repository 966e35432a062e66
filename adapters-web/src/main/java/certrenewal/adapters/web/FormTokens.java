package certrenewal.adapters.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF tokens of the forms used before login (customer login, 証明書取得, console login),
 * kept without any server-side session: a signed double-submit token. The browser holds a random
 * value in its own cookie; the form carries an expiry and an HMAC of the cookie's value, the form
 * and the expiry under a key made at start (or configured, for several servers). A page from
 * another site can neither read the form's token nor set the cookie.
 */
@Singleton
public final class FormTokens {
    static final String COOKIE = "FORM_CSRF";
    private static final String NEW_COOKIE = FormTokens.class.getName() + ".cookie";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    FormTokens(@Value("${certrenewal.web.form-token-secret:}") String secret,
               @Value("${certrenewal.web.form-token-lifetime:30m}") Duration lifetime, @Nullable Clock clock) {
        byte[] keyBytes = secret.isBlank() ? random(32) : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The token {@code form}'s page carries; gives the browser its cookie first when it has none. */
    public String token(HttpRequest<?> request, String form) {
        String value = cookie(request).orElseGet(() -> request.getAttribute(NEW_COOKIE, String.class).orElseGet(() -> {
            String created = BASE64.encodeToString(random(32));
            request.setAttribute(NEW_COOKIE, created);
            return created;
        }));
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        return expiry + "." + mac(value, form, expiry);
    }

    /** Whether {@code presented} is a token of {@code form} for this browser's cookie that has not expired. */
    public boolean matches(HttpRequest<?> request, String form, @Nullable String presented) {
        Optional<String> value = cookie(request);
        if (presented == null || value.isEmpty()) {
            return false;
        }
        int dot = presented.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(presented.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.instant().getEpochSecond() > expiry) {
            return false;
        }
        return MessageDigest.isEqual(mac(value.get(), form, expiry).getBytes(StandardCharsets.US_ASCII),
                presented.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    private String mac(String cookie, String form, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal((cookie + "|" + form + "|" + expiry).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Sets the cookie a page's token was made for, when the browser had none. */
    @ServerFilter(Filter.MATCH_ALL_PATTERN)
    static final class CookieSetter {
        @ResponseFilter
        void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
            request.getAttribute(NEW_COOKIE, String.class).ifPresent(value -> response.cookie(Cookie.of(COOKIE, value)
                    .path("/").secure(true).httpOnly(true).sameSite(SameSite.Strict)));
        }
    }
}
