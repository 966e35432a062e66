package certrenewal.adapters.web;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web adapter alone on a real HTTPS server (a real TLS handshake, so the client certificate
 * reaches the controllers as in production), with {@link Fakes} for every use case and the
 * server settings of the app module's application.yml that the screens depend on. One server
 * serves every test class ({@link #shared()}); tests reset the fakes before each test.
 */
public final class TestServer implements AutoCloseable {
    private static TestServer shared;

    /** A signed-in customer's ID and the certificate its browser presents. */
    public record Customer(AuthenticatedId who, TestPki.Credential certificate) {
    }

    public final TestPki pki = new TestPki();
    public final Fakes fakes = new Fakes();
    public final Customer administrator;
    public final Customer user;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Path keyStore;
    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();

    private TestServer(Map<String, Object> settings) {
        TestPki.Credential adminCertificate = pki.client("web-admin");
        TestPki.Credential userCertificate = pki.client("web-user");
        administrator = new Customer(Samples.who("web-admin", IdKind.ADMINISTRATOR, adminCertificate), adminCertificate);
        user = new Customer(Samples.who("web-user", IdKind.USER, userCertificate), userCertificate);
        try {
            keyStore = Files.createTempFile("web-test-server", ".p12");
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                pki.serverKeyStore().store(out, pki.keyStorePassword().toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> properties = new HashMap<>(Map.ofEntries(
                Map.entry("micronaut.server.ssl.enabled", true),
                Map.entry("micronaut.server.ssl.port", -1),
                // the plain-HTTP listener beside TLS, as the app has it for the CRL and OCSP
                Map.entry("micronaut.server.dual-protocol", true),
                Map.entry("micronaut.server.port", -1),
                Map.entry("micronaut.server.ssl.client-authentication", "want"),
                Map.entry("micronaut.server.ssl.key-store.path", "file:" + keyStore),
                Map.entry("micronaut.server.ssl.key-store.password", pki.keyStorePassword()),
                Map.entry("micronaut.server.ssl.key-store.type", "PKCS12"),
                Map.entry("micronaut.server.locale-resolution.cookie-name", "lang"),
                Map.entry("micronaut.server.locale-resolution.header", true),
                Map.entry("micronaut.server.locale-resolution.default-locale", "ja"),
                Map.entry("micronaut.session.http.header", false),
                Map.entry("micronaut.session.http.cookie-name", "SESSION"),
                Map.entry("micronaut.session.http.cookie-secure", true),
                Map.entry("micronaut.session.http.cookie-same-site", "Strict"),
                Map.entry("micronaut.session.http.cookie-http-only", true),
                Map.entry("micronaut.session.http.cookie-path", "/"),
                Map.entry("micronaut.router.static-resources.default.enabled", true),
                Map.entry("micronaut.router.static-resources.default.paths", "classpath:static"),
                Map.entry("micronaut.router.static-resources.default.mapping", "/static/**"),
                Map.entry("micronaut.views.folder", "views"),
                // every test posts from 127.0.0.1 to one shared server; the limits' own tests set theirs
                Map.entry("certrenewal.attempt-limits.per-address", 1_000_000),
                Map.entry("certrenewal.attempt-limits.per-login-id", 1_000_000)));
        properties.putAll(settings);
        context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).build();
        fakes.registerIn(context, () -> List.of(pki.caDer()));
        context.registerSingleton(Clock.class, Clock.fixed(Samples.NOW, ZoneOffset.UTC));
        context.start();
        server = context.getBean(EmbeddedServer.class).start();
    }

    /** The server every test class shares, started at first use and stopped when the JVM ends. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = new TestServer(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of its own with other settings (close it after the test class). */
    public static TestServer with(Map<String, Object> settings) {
        return new TestServer(settings);
    }

    /** A browser presenting {@code certificate} (none when null), asking for {@code language} ("ja", "en"; null: none). */
    public Browser browser(TestPki.Credential certificate, String language) {
        HttpClient http = clients.computeIfAbsent(certificate == null ? "none" : certificate, key -> HttpClient.newBuilder()
                .sslContext(pki.clientTls(certificate))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        return new Browser(http, "https://localhost:" + server.getPort(), language);
    }

    /** A client of the plain-HTTP listener (no TLS at all). */
    public Browser plainHttp() {
        HttpClient http = clients.computeIfAbsent("plain", key -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        return new Browser(http, "http://localhost:" + plainPort(), null);
    }

    /** The listener's port that is not the TLS one. */
    public int plainPort() {
        return ((io.micronaut.http.server.netty.NettyEmbeddedServer) server).getBoundPorts().stream()
                .filter(port -> port != server.getPort()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plain-HTTP listener"));
    }

    /**
     * A browser in which {@code customer} has logged in (the login use case's fake accepting it),
     * on its main menu; afterwards the fakes have seen no call, and the login and the overview answer nothing.
     */
    public Browser signedIn(Customer customer, String language) {
        Browser browser = browser(customer.certificate(), language);
        browser.get("/login");
        fakes.logIn.returns(customer.who());
        fakes.overview.answers(who -> Samples.overview(who, null));
        expect(303, browser.post("/login", "_csrf", browser.csrf(), "loginId", customer.who().loginId().value(),
                "password", Samples.LOGIN_PASSWORD));
        expect(200, browser.get("/main"));
        fakes.logIn.reset();
        fakes.overview.reset();
        fakes.forgetCalls();
        return browser;
    }

    /**
     * A browser in which a staff member of {@code role} has logged in to the console, on the
     * dashboard (a security administrator: sent on to the staff list); afterwards the fakes have seen no call, and the login and the dashboard answer nothing.
     */
    public Browser staff(StaffRole role, String language) {
        Browser browser = browser(null, language);
        browser.get("/console/login");
        String username = role.name().toLowerCase();
        fakes.staffLogIn.returns(new Actor.Staff(username, role));
        expect(303, browser.post("/console/login", "_csrf", browser.csrf(), "username", username, "password", "Staff-Pass-1"));
        fakes.dashboard.returns(Samples.figures());
        // a security administrator's home is the staff list, not the dashboard
        expect(role == StaffRole.SECURITY_ADMIN ? 303 : 200, browser.get("/console"));
        fakes.staffLogIn.reset();
        fakes.dashboard.reset();
        fakes.forgetCalls();
        return browser;
    }

    /** The text of the main menu of a customer signed in here (its certificate expiring 2026-04-21 00:00 UTC). */
    public String signedInMainMenu() {
        Browser browser = signedIn(user, "ja");
        fakes.overview.answers(who -> Samples.overview(who, null));
        String text = browser.get("/main").text();
        fakes.reset();
        return text;
    }

    /** A bean of the server's context, e.g. its session store. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

        /** A session cookie's value as the server writes them, of a session it no longer has. */
    public static String endedSession() {
        return java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes());
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " while signing in: " + reply);
        }
    }

    @Override
    public void close() {
        server.stop();
        context.close();
        try {
            Files.deleteIfExists(keyStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
