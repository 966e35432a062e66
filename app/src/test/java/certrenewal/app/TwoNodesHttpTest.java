package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import certrenewal.application.port.out.ClusterLeasePort;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers sharing one PostgreSQL database and one Redis, as a bank runs them behind its load balancer without
 * sticky sessions: each its own data directory, the same CA and audit key stores and the same form-token secret.
 * A customer's session goes on on the other node and ends on both; the bound of sessions per ID counts the logins
 * of both; the scheduled work shared by the cluster runs on one node at a time and moves when its holder stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesHttpTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String LOGIN_PASSWORD = "demo-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> SHARED_TASKS = List.of(ClusterTasks.RENEWAL_SWEEP, ClusterTasks.DASHBOARD_REFRESH,
            ClusterTasks.AUDIT_SEAL_SWEEP, ClusterTasks.APPROVAL_EXPIRY, ClusterTasks.PICKUP_FAILURE_SWEEP);

    @TempDir
    static Path dir;
    static String database;
    static String namespace;
    static Map<String, Object> settings;
    static EndToEnd nodeA;
    static EndToEnd nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        requireService("PostgreSQL", 5432);
        requireService("Redis", 6379);
        String unique = HexFormat.of().formatHex(randomBytes(6));
        database = "certrenewal_cluster_" + unique;
        namespace = "certrenewal-test-" + unique + ":session:";
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        Map<String, Object> shared = new HashMap<>();
        shared.put("datasources.default.url", POSTGRES + database);
        shared.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        shared.put("datasources.default.username", "postgres");
        shared.put("datasources.default.password", "");
        shared.put("micronaut.session.http.redis.enabled", true);
        shared.put("redis.uri", REDIS);
        shared.put("micronaut.session.http.redis.namespace", namespace);
        shared.put("micronaut.session.http.redis.active-sessions-key", namespace + "active-sessions");
        shared.put("micronaut.session.http.redis.session-created-topic", namespace + "event:session-created");
        shared.put("certrenewal.web.form-token-secret", HexFormat.of().formatHex(randomBytes(32)));
        // many logins from 127.0.0.1; AttemptLimitsTest tests the limits
        shared.put("certrenewal.attempt-limits.per-address", 1_000_000);
        shared.put("certrenewal.attempt-limits.per-login-id", 1_000_000);
        // the shared tasks' timers fire often, so that both nodes ask for every lease many times
        shared.put("certrenewal.renewal.sweep-interval", "200ms");
        shared.put("certrenewal.administration.dashboard-refresh", "200ms");
        shared.put("certrenewal.crl.refresh-check", "200ms");
        shared.put("certrenewal.audit.seal-sweep-interval", "200ms");
        shared.put("certrenewal.console.approval-sweep-interval", "200ms");
        shared.put("certrenewal.pickup.sweep-interval", "200ms");

        settings = Map.copyOf(shared);
        nodeA = EndToEnd.start(dir.resolve("node-a"), shared); // makes the CA, the audit key and the demo contract
        nodeB = anotherNode("node-b", Map.of());
    }

    /** A node beside node A: its own data directory with node A's CA and audit key stores, no demo data of its own. */
    private static EndToEnd anotherNode(String name, Map<String, Object> changed) throws IOException {
        Path data = dir.resolve(name);
        Files.createDirectories(data.resolve("ca"));
        for (String store : List.of("ca.p12", "audit.p12")) {
            Files.copy(nodeA.dataDir.resolve("ca").resolve(store), data.resolve("ca").resolve(store));
        }
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("certrenewal.demo.enabled", false); // the demo contract is in the shared database already
        properties.putAll(changed);
        return EndToEnd.start(data, properties);
    }

    @AfterAll
    static void stopAndDropEverything() throws Exception {
        for (EndToEnd node : new EndToEnd[] {nodeA, nodeB}) {
            if (node != null && node.context.isRunning()) {
                node.close();
            }
        }
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        if (namespace != null) {
            RedisClient client = RedisClient.create(REDIS);
            try (StatefulRedisConnection<String, String> redis = client.connect()) {
                List<String> keys = redis.sync().keys(namespace + "*");
                if (!keys.isEmpty()) {
                    redis.sync().del(keys.toArray(String[]::new));
                }
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    @Order(1)
    void theNodesAreTwoServersOfOneDatabase() {
        assertNotEquals(nodeA.server.getPort(), nodeB.server.getPort());
        assertNotEquals(nodeA.bean(ClusterNode.class).id(), nodeB.bean(ClusterNode.class).id());
    }

    @Test
    @Order(2)
    void aCustomerSignedInOnOneNodeIsSignedInOnTheOtherAndLoggingOutThereEndsTheSessionOnBoth() throws Exception {
        Browser customer = new Browser(nodeA.demo("demo-user1.p12"));
        // the login form from node A, posted to node B: the form token's secret is shared
        HttpResponse<String> login = customer.post(nodeB, "/login", "_csrf", csrfOf(customer.get(nodeA, "/login")),
                "loginId", "demo-user1", "password", LOGIN_PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(customer.hasSessionCookie(), "a session cookie");

        HttpResponse<String> onA = customer.get(nodeA, "/main");
        assertEquals(200, onA.statusCode(), "signed in on node A with the session node B opened: " + location(onA));
        assertTrue(onA.body().contains("<title>Main menu"), onA.body());
        HttpResponse<String> onB = customer.get(nodeB, "/main");
        assertEquals(200, onB.statusCode(), location(onB));

        HttpResponse<String> logout = customer.post(nodeB, "/logout", "_csrf", csrfOf(onB));
        assertEquals("/login?bye=1", location(logout));
        assertEquals("/login?expired=1", location(customer.get(nodeA, "/main")), "logged out on node B, ended on node A");
        assertEquals("/login?expired=1", location(customer.get(nodeB, "/main")));
    }

    @Test
    @Order(3)
    void aFourthLoginOfAnIdEndsItsOldestSessionWhicheverNodesTheyAreOn() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        EndToEnd[] loginNodes = {nodeA, nodeB, nodeA, nodeB};
        for (EndToEnd node : loginNodes) {
            Browser browser = new Browser(nodeA.demo("demo-user2.p12"));
            HttpResponse<String> login = browser.post(node, "/login", "_csrf", csrfOf(browser.get(node, "/login")),
                    "loginId", "demo-user2", "password", LOGIN_PASSWORD);
            assertEquals(303, login.statusCode(), login.body());
            browsers.add(browser);
        }

        assertEquals("/login?expired=1", location(browsers.get(0).get(nodeB, "/main")),
                "the first session (opened on node A) ended by the fourth login (on node B)");
        assertEquals("/login?expired=1", location(browsers.get(0).get(nodeA, "/main")));
        for (int i = 1; i < 4; i++) {
            for (EndToEnd node : List.of(nodeA, nodeB)) {
                HttpResponse<String> page = browsers.get(i).get(node, "/main");
                assertEquals(200, page.statusCode(), "session " + (i + 1) + " goes on: " + location(page));
            }
        }
    }

    @Test
    @Order(4)
    void eachSharedTaskRunsOnOneNodeAtATime() {
        ClusterTasks a = nodeA.bean(ClusterTasks.class);
        ClusterTasks b = nodeB.bean(ClusterTasks.class);
        for (String task : SHARED_TASKS) {
            // both timers have fired several times: one node ran the task, the other left it to that one
            awaitTrue(task + ": both nodes asked", () -> a.runs(task) + a.skips(task) >= 3 && b.runs(task) + b.skips(task) >= 3);
            ClusterTasks holder = a.runs(task) > 0 ? a : b;
            ClusterTasks other = holder == a ? b : a;
            assertEquals(0, other.runs(task), task + " ran on both nodes: A " + a.runs(task) + ", B " + b.runs(task));
            assertTrue(other.skips(task) >= 3, task);
            String holderId = (holder == a ? nodeA : nodeB).bean(ClusterNode.class).id();
            assertEquals(holderId, nodeA.bean(ClusterLeasePort.class).holder(task, nodeA.bean(MutableClock.class).instant()).orElse("(none)"), task);
        }
    }

    @Test
    @Order(5)
    void aSessionInRedisExpiresAfterItsIdleTime() throws Exception {
        try (EndToEnd shortIdle = anotherNode("node-c", Map.of("micronaut.session.max-inactive-interval", "2s"))) {
            Browser customer = new Browser(nodeA.demo("demo-user1.p12"));
            HttpResponse<String> login = customer.post(shortIdle, "/login", "_csrf",
                    csrfOf(customer.get(shortIdle, "/login")), "loginId", "demo-user1", "password", LOGIN_PASSWORD);
            assertEquals(303, login.statusCode(), login.body());
            assertEquals(200, customer.get(shortIdle, "/main").statusCode());
            String sessionId = customer.sessionId();
            @SuppressWarnings("unchecked")
            io.micronaut.session.SessionStore<io.micronaut.session.Session> store =
                    shortIdle.bean(io.micronaut.session.SessionStore.class);
            assertTrue(store.findSession(sessionId).join().isPresent(), "stored in Redis");

            // looked up without being touched, as a request would touch it
            awaitTrue("the idle session expires", () -> store.findSession(sessionId).join().isEmpty());
            assertEquals("/login?expired=1", location(customer.get(shortIdle, "/main")));
            assertEquals("/login?expired=1", location(customer.get(nodeB, "/main")), "expired for every node");
        }
    }

    @Test
    @Order(6)
    void whenTheHolderStopsTheOtherNodeTakesTheSharedTasksOver() {
        ClusterTasks a = nodeA.bean(ClusterTasks.class);
        ClusterTasks b = nodeB.bean(ClusterTasks.class);
        List<String> heldByA = SHARED_TASKS.stream().filter(task -> a.runs(task) > 0).toList();
        assertTrue(!heldByA.isEmpty(), "node A, started first, holds some of the shared tasks");
        Map<String, Long> before = heldByA.stream().collect(Collectors.toMap(t -> t, b::runs));
        before.values().forEach(runs -> assertEquals(0L, runs));

        nodeA.close(); // gives its leases up

        String idB = nodeB.bean(ClusterNode.class).id();
        for (String task : heldByA) {
            awaitTrue(task + " taken over by node B", () -> b.runs(task) > 0);
            assertEquals(idB, nodeB.bean(ClusterLeasePort.class).holder(task, nodeB.bean(MutableClock.class).instant()).orElse("(none)"));
        }
    }

    // ---- browsers over HTTPS with a client certificate ------------------------------------------

    /** A browser with the demo ID's client certificate and one cookie jar for both nodes (both are localhost). */
    static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;

        Browser(Path pkcs12) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(pkcs12)) {
                store.load(in, "demo".toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, "demo".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), new TrustManager[] {TRUST_ANY}, null);
            http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        }

        HttpResponse<String> get(EndToEnd node, String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept-Language", "en")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(EndToEnd node, String path, String... namesAndValues) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                form.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept-Language", "en")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        boolean hasSessionCookie() {
            return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("SESSION"));
        }

        /** The session's ID in the store: the cookie carries it Base64-encoded (micronaut-session's default). */
        String sessionId() {
            String cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
            return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Skipped when the service is missing on a developer's machine; a failure on CI (CI=true), which runs both. */
    private static void requireService(String name, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        } catch (IOException e) {
            String why = name + " is not reachable at 127.0.0.1:" + port + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI")) || Boolean.parseBoolean(System.getProperty("postgres.required"))) {
                fail(why);
            }
            Assumptions.abort(why + "; skipping the two-node tests");
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + DEADLINE + ": " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // polling interval, not synchronisation: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a CSRF token on the page: " + page.statusCode() + " " + page.body());
        return m.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none: " + response.statusCode() + ")");
    }

    private static final X509TrustManager TRUST_ANY = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
