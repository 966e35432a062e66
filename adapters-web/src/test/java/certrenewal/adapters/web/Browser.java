package certrenewal.adapters.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A browser as far as the server can tell: its TLS client certificate (or none), its cookies,
 * its language (Accept-Language), and no redirect followed, so that tests see each reply.
 */
public final class Browser {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private final HttpClient http;
    private final String origin;
    private final String language;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    Browser(HttpClient http, String origin, String language) {
        this.http = http;
        this.origin = origin;
        this.language = language;
    }

    public Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    /** A form post; a null value leaves its field out. */
    public Reply post(String path, String... namesAndValues) {
        return send("POST", path, FORM, form(namesAndValues).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A page script's JSON post with its CSRF header (none when null). */
    public Reply postJson(String path, String csrf, String json) {
        return send("POST", path, JSON, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                csrf == null ? Map.of() : Map.of("X-CSRF-Token", csrf));
    }

    public Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            StringJoiner cookie = new StringJoiner("; ");
            cookies.forEach((name, value) -> cookie.add(name + "=" + value));
            request.header("Cookie", cookie.toString());
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
            reply.csrfToken().ifPresent(token -> csrf = token);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the last page that carried one, as the next form or script sends it. */
    public String csrf() {
        if (csrf == null) {
            throw new AssertionError("no page with a CSRF token was seen yet");
        }
        return csrf;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void dropCookie(String name) {
        cookies.remove(name);
    }

    public static String form(String... namesAndValues) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                form.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return form.toString();
    }

    private void keep(String setCookie) {
        String[] parts = setCookie.split(";");
        String[] pair = parts[0].split("=", 2);
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip().toLowerCase();
            expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970");
        }
        if (expired || pair.length < 2 || pair[1].isEmpty()) {
            cookies.remove(pair[0].strip());
        } else {
            cookies.put(pair[0].strip(), pair[1].strip());
        }
    }
}
