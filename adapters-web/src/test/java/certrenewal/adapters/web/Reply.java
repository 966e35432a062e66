package certrenewal.adapters.web;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the server answered, read as a user (or a page's script) reads it. */
public record Reply(int status, HttpHeaders headers, byte[] bytes) {
    private static final Pattern CSRF = Pattern.compile("(?:name=\"_csrf\"\\s+value|data-csrf)=\"([^\"]+)\"");

    /** The body as text (UTF-8, as every page and JSON reply is). */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Where a redirect sends the browser. */
    public String location() {
        return header("Location").orElseThrow(() -> new AssertionError("no redirect: " + this));
    }

    /** The text of the page's {@code role="alert"} element; empty when there is none. */
    public String alert() {
        return text("<[a-z]+\\b[^>]*\\brole=\"alert\"[^>]*>(.*?)</");
    }

    /** The text of the page's {@code role="status"} element. */
    public String notice() {
        return text("<[a-z]+\\b[^>]*\\brole=\"status\"[^>]*>(.*?)</");
    }

    public String h1() {
        return text("<h1[^>]*>(.*?)</h1>");
    }

    /** The CSRF token the page carries (a form's hidden field or the page's data-csrf). */
    public Optional<String> csrfToken() {
        Matcher m = CSRF.matcher(body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The values of a select's options, in order. */
    public List<String> options(String selectId) {
        Matcher select = Pattern.compile("<select id=\"" + selectId + "\".*?</select>", Pattern.DOTALL).matcher(body());
        if (!select.find()) {
            throw new AssertionError("no select #" + selectId + ": " + this);
        }
        return Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(select.group()).results().map(r -> r.group(1)).toList();
    }

    /** The JSON body as a map (the JSON steps of the page scripts). */
    public Map<String, Object> json() {
        return Json.read(body());
    }

    /** The page's text as a person reads it: tags gone, entities read, white space collapsed. */
    public String text() {
        return unescape(body().replaceAll("(?s)<script.*?</script>|<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private String text(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(body());
        return m.find() ? unescape(m.group(1).replaceAll("<[^>]+>", "")).strip() : "";
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Override
    public String toString() {
        String body = body();
        return status + " " + headers.map() + "\n" + (body.length() > 3000 ? body.substring(0, 3000) + "…" : body);
    }
}
