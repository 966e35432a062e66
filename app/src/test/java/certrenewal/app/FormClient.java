package certrenewal.app;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A browser without a client certificate: cookies, its language, the CSRF token of the form it posts. */
public final class FormClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final EndToEnd system;
    private final HttpClient http;
    private final String language;

    public FormClient(EndToEnd system, String language) throws Exception {
        this.system = system;
        this.language = language;
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(system.dataDir.resolve("tls").resolve("issuer.crt"))) {
            trusted.setCertificateEntry("anchor", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        CookieManager cookies = new CookieManager();
        HttpCookie lang = new HttpCookie("lang", language);
        lang.setPath("/");
        cookies.getCookieStore().add(URI.create(system.origin()), lang);
        http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Loads {@code formPage} for its token, then posts {@code fields} with it to {@code path}. */
    public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) throws Exception {
        String page = send(HttpRequest.newBuilder(URI.create(system.url(formPage))).GET()).body();
        Matcher csrf = CSRF.matcher(page);
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + (csrf.find() ? "&_csrf=" + csrf.group(1) : "");
        return send(HttpRequest.newBuilder(URI.create(system.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", system.origin())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }
}
