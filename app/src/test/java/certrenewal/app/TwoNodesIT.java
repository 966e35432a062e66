package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes behind a load balancer, as a bank runs them: two processes started from the artifact in
 * production ({@code MICRONAUT_ENVIRONMENTS=prod}) on one fresh PostgreSQL database, each on its own port with its
 * own data directory, sharing the operator's key stores. The bank's data (the demo contract, its IDs and their
 * certificates, and the development key stores used as the operator's) is made first by the system itself, started
 * once on the same database.
 */
class TwoNodesIT {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "certrenewal_twonodes_" + ProcessHandle.current().pid();
    private static final char[] DEMO_PKCS12_PASSWORD = "demo".toCharArray();
    private static final String LOGIN_PASSWORD = "demo-password";
    private static final Pattern PLAIN_HTTP = Pattern.compile("over plain HTTP \\(nothing else there\\): http://localhost:(\\d+)/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** The session store both nodes share: a database index of this test's own, emptied afterwards. */
    private static final String REDIS = "redis://127.0.0.1:6379/5";

    /** A user ID whose browser renewal the dying node leaves open. */
    private static final String LEFT_OPEN = "left-open";

    @TempDir
    static Path dir;
    private static Path setup;
    private static ArtifactProcess a;
    private static ArtifactProcess b;

    @BeforeAll
    static void theBanksDataThenTwoNodes() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        setup = dir.resolve("setup");
        EndToEnd banksData = EndToEnd.start(setup, onTheDatabase(new HashMap<>()));
        try {
            credentialsOfANewUser(banksData, LEFT_OPEN);
        } finally {
            banksData.close();
        }
        String formTokenSecret = UUID.randomUUID().toString();
        // A first: its scheduled work takes the cluster's leases before B is up
        a = ArtifactProcess.start(dir.resolve("a"), ArtifactProcess.freePort(), production("a", formTokenSecret)).serving();
        b = ArtifactProcess.start(dir.resolve("b"), ArtifactProcess.freePort(), production("b", formTokenSecret)).serving();
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        for (ArtifactProcess node : new ArtifactProcess[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aCustomerLogsInOnOneNodeAndFinishesTheRenewalOnTheOther() throws Exception {
        Client admin = new Client("demo-admin");
        assertEquals(303, admin.logIn(a).statusCode());
        String notice = admin.send(a, HttpRequest.newBuilder().GET(), "/renewal/notice").body();
        HttpResponse<String> started = admin.post(a, "/renewal/start", csrfOf(notice), Map.of());
        assertEquals(303, started.statusCode(), started.body());
        String preparing = started.headers().firstValue("Location").orElseThrow();

        // the same cookie, now on the other node, as behind a load balancer without stickiness
        Matcher token = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(
                admin.send(b, HttpRequest.newBuilder().GET(), preparing).body());
        assertTrue(token.find(), "the preparing screen on the other node");
        String renewal = preparing.replace("/preparing", "");
        HttpResponse<String> prepared = admin.send(b, HttpRequest.newBuilder().header("X-CSRF-Token", token.group(1))
                .POST(HttpRequest.BodyPublishers.noBody()), renewal + "/prepare");
        assertEquals(200, prepared.statusCode(), prepared.body());
        HttpResponse<String> submitted = admin.send(b, HttpRequest.newBuilder().header("X-CSRF-Token", token.group(1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"csr\":\"" + Base64.getEncoder().encodeToString(csr()) + "\"}")), renewal + "/request");
        assertEquals(200, submitted.statusCode(), submitted.body());
        Matcher certificate = Pattern.compile("\"certificate\":\"([^\"]+)\"").matcher(submitted.body());
        assertTrue(certificate.find(), submitted.body());
        X509Certificate renewed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(certificate.group(1))));
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(setup.resolve("demo/ca.crt"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        renewed.verify(ca.getPublicKey());
        assertTrue(renewed.getSubjectX500Principal().getName().contains("CN=demo-admin"), renewed.getSubjectX500Principal().getName());
        assertEquals(200, admin.send(b, HttpRequest.newBuilder().GET(), renewal + "/complete").statusCode());
    }

    @Test
    void eachNodeReportsItsHealthOnItsOwnManagementPortIncludingTheStoredCrl() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
        assertTrue(b.alive(), "B is never stopped");
        for (ArtifactProcess node : new ArtifactProcess[] {a, b}) {
            if (!node.alive()) {
                continue; // the other test stopped it
            }
            // UP once the cluster's first CRL is stored, whichever node signed it: each reads the stored one
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            HttpResponse<String> health;
            do {
                health = http.send(HttpRequest.newBuilder(URI.create(node.managementUrl("/health"))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } while (health.statusCode() != 200 && System.nanoTime() < deadline && sleep());
            assertEquals(200, health.statusCode(), node.directory + ": " + health.body());
            assertTrue(health.body().contains("\"crl\"") && health.body().contains("nextUpdate"), health.body());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(node.managementUrl("/prometheus")))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("certrenewal_certificates"), metrics.body());
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    @Test
    void aRevocationOnOneNodeIsRefusedAtOnceOnTheOther() throws Exception {
        Client admin = new Client("demo-admin");
        assertEquals(303, admin.logIn(a).statusCode());
        String page = admin.send(a, HttpRequest.newBuilder().GET(), "/admin/revoke?loginId=demo-user2").body();
        HttpResponse<String> revoked = admin.post(a, "/admin/revoke", csrfOf(page), Map.of("loginId", "demo-user2",
                "reason", "KEY_COMPROMISE", "password", LOGIN_PASSWORD));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertFalse(a.log().contains("CRL not republished"), "the revocation's CRL is signed once committed:\n" + a.log());

        Client user = new Client("demo-user2");
        HttpResponse<String> est = user.renew(b);
        assertEquals(403, est.statusCode(), est.body());
        assertEquals("CERTIFICATE_REVOKED", est.headers().firstValue("X-Refusal-Code").orElse(""));
        HttpResponse<String> login = user.logIn(b);
        assertEquals(401, login.statusCode(), "refused at login on the other node");

        // and to relying parties on the other node's plain-HTTP listener: OCSP at once, from the database ...
        Matcher plain = b.awaitLogLine(PLAIN_HTTP);
        String origin = "http://localhost:" + plain.group(1);
        Path demo = setup.resolve("demo");
        String ocsp = EndToEnd.Tool.runOk(dir, "openssl", "ocsp", "-issuer", demo.resolve("ca.crt").toString(),
                "-CAfile", demo.resolve("ca.crt").toString(), "-cert", demo.resolve("demo-user2.crt").toString(),
                "-url", origin + "/ocsp");
        assertTrue(ocsp.contains("Response verify OK"), ocsp);
        assertTrue(ocsp.contains("demo-user2.crt: revoked") && ocsp.contains("Reason: keyCompromise"), ocsp);
        // ... and the CRL the first node signed and stored (signing may wait out the minimum interval of 5 s)
        String serial = EndToEnd.Tool.runOk(dir, "openssl", "x509", "-in", demo.resolve("demo-user2.crt").toString(),
                "-noout", "-serial").strip().substring("serial=".length()).toUpperCase();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String crl = "";
        while (!crl.contains("Serial Number: " + serial) && System.nanoTime() < deadline) {
            EndToEnd.Tool.runOk(dir, "curl", "-s", "-f", "-o", "b.crl", origin + "/crl/ca.crl");
            crl = EndToEnd.Tool.runOk(dir, "openssl", "crl", "-inform", "DER", "-in", "b.crl", "-CAfile",
                    demo.resolve("ca.crt").toString(), "-verify", "-noout", "-text");
        }
        assertTrue(crl.contains("verify OK") && crl.contains("Serial Number: " + serial), crl);
    }

    @Test
    void aNodeKilledDuringRenewalsLeavesNoCertificateWithoutItsRecordAndAuditEntry() throws Exception {
        Client user = new Client("demo-user1");
        List<X509Certificate> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            received.add(issued(user.renew(i % 2 == 0 ? a : b)));
        }
        Client leavesItOpen = new Client(LEFT_OPEN);
        assertEquals(303, leavesItOpen.logIn(a).statusCode());
        String notice = leavesItOpen.send(a, HttpRequest.newBuilder().GET(), "/renewal/notice").body();
        assertEquals(303, leavesItOpen.post(a, "/renewal/start", csrfOf(notice), Map.of()).statusCode());
        assertEquals(1, count("select count(*) from renewal where open_login_id = ?", LEFT_OPEN), "a renewal open on A");
        String nodeA = a.awaitLogLine(Pattern.compile("Cluster node id: (\\S+)")).group(1);
        long held = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("select count(*) from cluster_lease where holder = ?", nodeA) == 0 && System.nanoTime() < held) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // polled until the deadline, not waited for
        }
        assertTrue(count("select count(*) from cluster_lease where holder = ?", nodeA) > 0, "A runs scheduled work:\n" + a.log());
        // A dies while renewals are in flight to it: whatever a client received must be stored with its audit entry
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(user.renewAsync(a));
        }
        a.kill();
        for (CompletableFuture<HttpResponse<String>> reply : inFlight) {
            try {
                HttpResponse<String> answered = reply.join();
                if (answered.statusCode() == 200) {
                    received.add(issued(answered));
                }
            } catch (RuntimeException e) {
                // the connection died with the node: the client received nothing
            }
        }
        for (int i = 0; i < 2; i++) {
            received.add(issued(user.renew(b)));
        }
        // the scheduled work A held moves to B once A's leases run out
        String nodeB = b.awaitLogLine(Pattern.compile("Cluster node id: (\\S+)")).group(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        // (a task A had not run yet before it died, the expiry notices' first run 30 s after a start, B takes at its own)
        while ((count("select count(*) from cluster_lease where holder <> ?", nodeB) > 0
                || count("select count(*) from cluster_lease where holder = ?", nodeB) < 5) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // polled until the deadline, not waited for
        }
        assertEquals(0, count("select count(*) from cluster_lease where holder <> ?", nodeB),
                "every scheduled task is held by the node still running:\n" + b.log());
        assertEquals(5, count("select count(*) from cluster_lease where holder = ?", nodeB), "the renewal sweep, the"
                + " dashboard, the audit seal sweep, the expiry notices and the approval expiry:\n" + b.log());
        // every renewal superseded a certificate: each signed the CRL once committed, none left it to the refresh
        assertFalse(b.log().contains("CRL not republished"), b.log());
        // and the renewal A left open does not stay open past its timeout: B's sweep abandons it
        long swept = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (count("select count(*) from renewal where open_login_id = ?", LEFT_OPEN) > 0 && System.nanoTime() < swept) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // polled until the deadline, not waited for
        }
        assertEquals(1, count("select count(*) from renewal where login_id = ? and state = 'ABANDONED'", LEFT_OPEN),
                "the renewal left open on A is abandoned by B after its timeout:\n" + b.log());
        b.stop();

        Map<String, String> missing = new LinkedHashMap<>();
        for (X509Certificate certificate : received) {
            String serial = certificate.getSerialNumber().toString(16);
            if (count("select count(*) from certificate where ltrim(lower(serial), '0') = ?", serial) != 1) {
                missing.put(serial, "no certificate record");
            } else if (count("select count(*) from audit_entry where detail like ?", "%" + serial + "%")
                    + count("select count(*) from audit_pending where detail like ?", "%" + serial + "%") == 0) {
                missing.put(serial, "no audit entry");
            }
        }
        assertEquals(Map.of(), missing, received.size() + " certificates received");
        EndToEnd verifier = EndToEnd.start(setup, onTheDatabase(new HashMap<>()));
        try {
            AuditVerification verification = verifier.bean(VerifyAuditTrailUseCase.class).verify(new Actor.SystemTask("test"));
            assertTrue(verification.firstBroken().isEmpty() && verification.findings().isEmpty(), verification.toString());
        } finally {
            verifier.close();
        }
    }

    // ---- the nodes ----

    private static Map<String, Object> onTheDatabase(Map<String, Object> settings) {
        settings.put("datasources.default.url", POSTGRES + DATABASE);
        settings.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        settings.put("datasources.default.username", "postgres");
        settings.put("datasources.default.password", "");
        return settings;
    }

    /** What an operator sets: the database, the key stores the set-up made (as the operator's), a data dir per node. */
    private static Map<String, String> production(String node, String formTokenSecret) {
        Map<String, String> environment = new HashMap<>();
        environment.put("MICRONAUT_ENVIRONMENTS", "prod");
        environment.put("CERTRENEWAL_DATA_DIR", dir.resolve(node).resolve("data").toString());
        environment.put("CERTRENEWAL_DB_URL", POSTGRES + DATABASE);
        environment.put("CERTRENEWAL_DB_USER", "postgres");
        environment.put("CERTRENEWAL_DB_PASSWORD", "");
        environment.put("CERTRENEWAL_CA_KEYSTORE", setup.resolve("ca/ca.p12").toString());
        environment.put("CERTRENEWAL_CA_PASSWORD", "development-ca-password");
        environment.put("CERTRENEWAL_CRL_URL", "http://localhost/crl/ca.crl");
        environment.put("CERTRENEWAL_OCSP_URL", "http://localhost/ocsp");
        environment.put("CERTRENEWAL_OCSP_KEYSTORE", setup.resolve("ca/ocsp.p12").toString());
        environment.put("CERTRENEWAL_OCSP_PASSWORD", "development-ocsp-password");
        environment.put("CERTRENEWAL_AUDIT_KEYSTORE", setup.resolve("ca/audit.p12").toString());
        environment.put("CERTRENEWAL_AUDIT_PASSWORD", "development-audit-password");
        environment.put("CERTRENEWAL_AUDIT_CHECKPOINTS", dir.resolve(node).resolve("checkpoints").toString());
        environment.put("CERTRENEWAL_TLS_KEYSTORE", setup.resolve("tls/server.p12").toString());
        environment.put("CERTRENEWAL_TLS_PASSWORD", "development-tls-password");
        environment.put("CERTRENEWAL_FORM_TOKEN_SECRET", formTokenSecret);
        environment.put("CERTRENEWAL_REDIS_URI", REDIS);
        // a node that died is replaced within this long (2 min by default)
        environment.put("CERTRENEWAL_CLUSTER_LEASE_DURATION", "10s");
        // a renewal left open times out within the test (15 min by default); the other tests finish theirs in seconds
        environment.put("CERTRENEWAL_RENEWAL_OPEN_TIMEOUT", "20s");
        // the scheduled work runs often enough to be seen moving within the test
        environment.put("CERTRENEWAL_RENEWAL_SWEEP_INTERVAL", "2s");
        environment.put("CERTRENEWAL_CONSOLE_APPROVAL_SWEEP_INTERVAL", "2s");
        environment.put("CERTRENEWAL_ADMINISTRATION_DASHBOARD_REFRESH", "2s");
        // this test renews one ID many times; the daily limit is IssuanceRulesTest's
        environment.put("CERTRENEWAL_ISSUANCE_PER_DAY", "1000");
        return environment;
    }

    /** A new user ID of the demo contract with a first certificate (30 days left: inside the renewal window). */
    private static void credentialsOfANewUser(EndToEnd system, String loginId) throws Exception {
        TestIds ids = new TestIds(system);
        ids.userId(new ContractNumber("0000001"), new LoginId(loginId), LOGIN_PASSWORD);
        KeyPair pair = keyPair();
        IssuedCertificate issued = ids.firstCertificate(new LoginId(loginId), csr(pair), Duration.ofDays(30));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.certificate().der()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(loginId, pair.getPrivate(), DEMO_PKCS12_PASSWORD, new java.security.cert.Certificate[] {certificate});
        try (var out = Files.newOutputStream(setup.resolve("demo").resolve(loginId + ".p12"))) {
            store.store(out, DEMO_PKCS12_PASSWORD);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // ---- the clients ----

    private static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertTrue(matcher.find(), "a form with its token:\n" + page);
        return matcher.group(1);
    }

    private static X509Certificate issued(HttpResponse<String> reply) throws Exception {
        assertEquals(200, reply.statusCode(), reply.body());
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Base64.getMimeDecoder().decode(reply.body()))).iterator().next();
    }

    /** A browser or an EST client holding a demo ID's PKCS#12, trusting the development TLS issuer, with cookies. */
    private static final class Client {
        private final String loginId;
        private final HttpClient http;

        Client(String loginId) throws Exception {
            this.loginId = loginId;
            KeyStore credentials = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(setup.resolve("demo").resolve(loginId + ".p12"))) {
                credentials.load(in, DEMO_PKCS12_PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(credentials, DEMO_PKCS12_PASSWORD);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(setup.resolve("tls/issuer.crt"))) {
                trusted.setCertificateEntry("anchor", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            http = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> logIn(ArtifactProcess node) throws Exception {
            String form = send(node, HttpRequest.newBuilder().GET(), "/login").body();
            return post(node, "/login", csrfOf(form), Map.of("loginId", loginId, "password", LOGIN_PASSWORD));
        }

        HttpResponse<String> post(ArtifactProcess node, String path, String csrf, Map<String, String> fields)
                throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            String body = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(node, HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://localhost:" + node.port).POST(HttpRequest.BodyPublishers.ofString(body)), path);
        }

        HttpResponse<String> renew(ArtifactProcess node) throws Exception {
            return http.send(renewal(node), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> renewAsync(ArtifactProcess node) throws Exception {
            return http.sendAsync(renewal(node), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(ArtifactProcess node, HttpRequest.Builder request, String path)
                throws IOException, InterruptedException {
            return http.send(request.uri(URI.create(node.url(path))).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest renewal(ArtifactProcess node) throws Exception {
            return HttpRequest.newBuilder(URI.create(node.url("/.well-known/est/simplereenroll")))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/pkcs10")
                    .POST(HttpRequest.BodyPublishers.ofString(Base64.getMimeEncoder().encodeToString(csr()))).build();
        }
    }

    /** A new P-256 key and its certificate request (DER); the subject is the bank's to decide. */
    private static byte[] csr() throws Exception {
        return csr(keyPair());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] csr(KeyPair pair) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=anything"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
    }
}
