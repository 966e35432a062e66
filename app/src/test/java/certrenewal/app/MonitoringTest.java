package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.persistence.JdbcAuditTrail;
import certrenewal.app.EndToEnd.CurlResult;
import certrenewal.app.EndToEnd.Tool;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.WriteRefusalTalliesUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management port of the running system, scraped over plain HTTP as Prometheus and a load balancer would:
 * /health with each check, the metrics moving after real requests, the gauges of the demo data, and checks going
 * DOWN when their condition fails. The gauges are read first, while only the demo data exists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringTest {
    private static final List<String> CHECKS = List.of("database", "caKey", "crl", "auditSealer");

    @TempDir
    static Path dataDir;
    @TempDir
    Path work;

    private static EndToEnd system;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir, Map.of(
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000,
                // every scrape counts anew: the test changes the data between scrapes
                "certrenewal.monitoring.figures-max-age", "0s",
                // the CRL check is to see a CRL past its nextUpdate: no refresher signing one meanwhile (default 1 s)
                "certrenewal.crl.refresh-check", "1h"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    @Order(1)
    void gaugesOfExpiringCertificatesMatchTheDemoData() throws Exception {
        String metrics = scrape();

        // demo-admin, demo-user1, demo-user2: certificates valid 30 days, inside the 40-day renewal window
        assertEquals(3, value(metrics, "certrenewal_certificates", "status=\"active\""), metrics);
        assertEquals(0, value(metrics, "certrenewal_certificates", "status=\"revoked\""));
        assertEquals(0, value(metrics, "certrenewal_certificates_expiring", "within_days=\"7\""));
        assertEquals(3, value(metrics, "certrenewal_certificates_expiring", "within_days=\"30\""));
        assertEquals(3, value(metrics, "certrenewal_certificates_expiring", "within_days=\"40\""));
        // the demo data's three certificates were issued directly by the bank
        assertEquals(3, value(metrics, "certrenewal_certificates_issued_total", "channel=\"direct\""));
    }

    @Test
    @Order(2)
    void healthIsUpWithEachCheckNamed() throws Exception {
        HttpResponse<String> health = get("/health");

        assertEquals(200, health.statusCode(), health.body());
        Map<String, Object> body = json(health.body());
        assertEquals("UP", body.get("status"), health.body());
        for (String check : CHECKS) {
            assertEquals("UP", checkStatus(body, check), check + " in " + health.body());
        }
        assertEquals(200, get("/health/readiness").statusCode());
        assertEquals(200, get("/health/liveness").statusCode());
    }

    @Test
    @Order(3)
    void theHttpsPortServesNoManagementEndpointAndTheManagementPortNothingElse() throws Exception {
        for (String path : List.of("/health", "/health/readiness", "/prometheus")) {
            CurlResult reply = system.curl(work, "GET", path, null, null, null, null);
            assertEquals(404, reply.status(), path + " on the HTTPS port: " + reply.body());
        }
        for (String path : List.of("/beans", "/env", "/loggers", "/metrics", "/threaddump", "/routes", "/info",
                "/.well-known/est/cacerts", "/login", "/crl/ca.crl", "/ocsp/MAA%3D")) {
            assertEquals(404, get(path).statusCode(), path + " on the management port");
        }
        assertTrue(system.plainPort() != system.managementPort && system.plainPort() != system.server.getPort(),
                "three listeners on three ports");
        assertEquals(200, system.curl(work, "GET", "/.well-known/est/cacerts", null, null, null, null).status());
    }

    @Test
    @Order(4)
    void countersMoveAfterARenewalOverEstAndAWrongLogin() throws Exception {
        String before = scrape();

        // demo-user1 renews over EST with curl and openssl, then uses its new certificate (which confirms the renewal)
        Path csr = newRequest("renewed");
        CurlResult renewed = system.curl(work, "POST", "/.well-known/est/simplereenroll", system.demo("demo-user1.crt"),
                system.demo("demo-user1.key"), csr, "application/pkcs10");
        assertEquals(200, renewed.status(), renewed.body());
        Path p7 = Files.write(work.resolve("reply.p7"), Base64.getMimeDecoder().decode(renewed.body()));
        Tool.runOk(work, "openssl", "pkcs7", "-inform", "DER", "-in", p7.toString(), "-print_certs", "-out", "renewed.crt");
        assertEquals(200, system.curl(work, "GET", "/api/me/certificate", work.resolve("renewed.crt"),
                work.resolve("renewed.key"), null, null).status());
        // the old certificate is refused now, with its reason
        assertEquals("CERTIFICATE_SUPERSEDED", system.curl(work, "GET", "/api/me/certificate",
                system.demo("demo-user1.crt"), system.demo("demo-user1.key"), null, null).refusalCode());
        // a wrong password for a staff account that exists, and one for a name that does not
        FormClient browser = new FormClient(system, "en");
        assertEquals(401, browser.post("/console/login", "/console/login",
                Map.of("username", "operator", "password", "not-the-password")).statusCode());
        assertEquals(401, browser.post("/console/login", "/console/login",
                Map.of("username", "nobody-here", "password", "whatever")).statusCode());
        // unknown callers' refusals reach the audit trail (and the counters) when their minute is written
        system.bean(WriteRefusalTalliesUseCase.class).writeAll();

        String after = scrape();
        assertMoved(before, after, 1, "certrenewal_certificates_issued_total", "channel=\"est\"");
        assertMoved(before, after, 0, "certrenewal_certificates_issued_total", "channel=\"browser_renewal\"");
        assertMoved(before, after, 1, "certrenewal_renewals_total", "outcome=\"issued\"");
        assertMoved(before, after, 1, "certrenewal_renewals_total", "outcome=\"confirmed\"");
        assertMoved(before, after, 2, "certrenewal_logins_total", "kind=\"staff\",outcome=\"refused\"");
        assertMoved(before, after, 2, "certrenewal_refusals_total", "action=\"STAFF_LOGIN\",reason=\"WRONG_CREDENTIALS\"");
        assertMoved(before, after, 1, "certrenewal_refusals_total",
                "action=\"CERTIFICATE_AUTHENTICATION\",reason=\"CERTIFICATE_SUPERSEDED\"");
        // the old certificate is superseded now; the new one is active, valid a year
        assertEquals(1, value(after, "certrenewal_certificates", "status=\"superseded\""));
        assertEquals(3, value(after, "certrenewal_certificates", "status=\"active\""));
        assertEquals(2, value(after, "certrenewal_certificates_expiring", "within_days=\"30\""));
        // what Micronaut and Micrometer provide: the HTTP server's requests, the JVM
        assertTrue(after.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
        assertTrue(after.contains("jvm_memory_used_bytes{"), "JVM metrics");
        assertTrue(after.contains("process_uptime_seconds") && after.contains("system_cpu_count"), "process metrics");
        assertTrue(after.contains("hikaricp_connections_active{"), "connection pool metrics");
        assertTrue(after.contains("# TYPE certrenewal_renewals_total counter"), "Prometheus text format");
    }

    @Test
    @Order(5)
    void anAuditEventIsCountedOnlyWhenItsTransactionCommits() throws Exception {
        TransactionPort transactions = system.bean(TransactionPort.class);
        AuditTrailPort audit = system.bean(AuditTrailPort.class);
        double before = value(scrape(), "certrenewal_logins_total", "kind=\"staff\",outcome=\"success\"");

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            audit.append(staffLogin());
            throw new IllegalStateException("the work it described failed");
        }));
        assertEquals(before, value(scrape(), "certrenewal_logins_total", "kind=\"staff\",outcome=\"success\""));

        transactions.inTransaction(() -> audit.append(staffLogin()));
        assertEquals(before + 1, value(scrape(), "certrenewal_logins_total", "kind=\"staff\",outcome=\"success\""));
    }

    @Test
    @Order(6)
    void theCrlCheckGoesDownOnceTheCrlsNextUpdateHasPassed() throws Exception {
        MutableClock clock = system.bean(MutableClock.class);
        Instant now = clock.instant();
        // what the start wrote is chained first: else entries still waiting would look 25 hours late to the sealer's check
        system.bean(JdbcAuditTrail.class).sealPending();
        clock.advance(Duration.ofHours(25)); // the CRL is valid 24 hours; the refresher is not due (1 h, real time)
        try {
            HttpResponse<String> health = get("/health");
            assertEquals(503, health.statusCode(), health.body());
            Map<String, Object> body = json(health.body());
            assertEquals("DOWN", body.get("status"));
            assertEquals("DOWN", checkStatus(body, "crl"), health.body());
            assertEquals("UP", checkStatus(body, "caKey"));
            assertEquals("UP", checkStatus(body, "database"));

            system.bean(GetCrlUseCase.class).currentCrl(); // what the refresher does: a new CRL is signed
            HttpResponse<String> again = get("/health");
            assertEquals("UP", checkStatus(json(again.body()), "crl"), again.body());
            assertEquals(200, again.statusCode(), again.body());
        } finally {
            clock.set(now);
        }
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    @Order(7)
    void theAuditSealerCheckGoesDownWhileCommittedEntriesWaitToBeChained() throws Exception {
        MutableClock clock = system.bean(MutableClock.class);
        Instant now = clock.instant();
        String url = system.context.getRequiredProperty("datasources.default.url", String.class);
        // another session holds the chain's head, as a stuck sealer on another server would: nothing can be chained
        try (Connection blocker = DriverManager.getConnection(url, "sa", "")) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT * FROM audit_head WHERE id = 1 FOR UPDATE").close();
            }
            TransactionPort transactions = system.bean(TransactionPort.class);
            transactions.inTransaction(() -> system.bean(AuditTrailPort.class).append(staffLogin()));
            clock.advance(Duration.ofMinutes(2)); // the entry has now waited longer than the minute allowed
            try {
                HttpResponse<String> health = get("/health");
                assertEquals(503, health.statusCode(), health.body());
                Map<String, Object> body = json(health.body());
                assertEquals("DOWN", checkStatus(body, "auditSealer"), health.body());
                assertEquals("UP", checkStatus(body, "crl"));
            } finally {
                clock.set(now);
            }
            blocker.rollback();
        }
        system.bean(JdbcAuditTrail.class).sealPending(); // what the sealer does once the head is free again
        assertEquals(200, get("/health").statusCode());
    }

    // --- helpers ---

    private static AuditEvent staffLogin() {
        return new AuditEvent(Instant.now(), "monitoring-test", "STAFF_LOGIN", "monitoring-test", AuditEvent.SUCCESS,
                "test entry");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.managementPort + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape() throws Exception {
        HttpResponse<String> reply = get("/prometheus");
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return system.bean(JsonMapper.class).readValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Object checkStatus(Map<String, Object> health, String check) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertNotNull(details, "no details: " + health);
        Map<String, Object> result = (Map<String, Object>) details.get(check);
        assertNotNull(result, check + " missing from " + details.keySet());
        return result.get("status");
    }

    /** The sample's value in Prometheus text, 0 when the series does not exist (yet). */
    private static double value(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private static void assertMoved(String before, String after, double by, String name, String labels) {
        assertEquals(value(before, name, labels) + by, value(after, name, labels), name + "{" + labels + "}");
    }

    /** openssl makes a P-256 key and a request; returns the base64 body EST wants. */
    private Path newRequest(String name) throws Exception {
        Tool.runOk(work, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-subj", "/CN=anything", "-outform", "DER", "-out", name + ".csr.der");
        byte[] der = Files.readAllBytes(work.resolve(name + ".csr.der"));
        return Files.writeString(work.resolve(name + ".csr.b64"), Base64.getMimeEncoder().encodeToString(der) + "\n");
    }
}
