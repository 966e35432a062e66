package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import certrenewal.app.EndToEnd.Tool;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Production mode as an operator runs it: environment {@code prod}, the variables of application-prod.yml pointing
 * at a fresh PostgreSQL database and at key stores the operator made with OpenSSL. It fails closed: a key store it
 * cannot use stops the start with one line naming the file and the problem, and nothing is ever written; the
 * operator's own TLS key store is served as it is; demo data and bootstrap passwords never appear.
 */
class ProductionStartTest {
    /** Of its own per test JVM: two builds on one machine must not drop each other's database. */
    private static final String DATABASE = "certrenewal_prodtest_" + ProcessHandle.current().pid();
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String CA_PASSWORD = "Operator-CA-Store-7431";
    private static final String TLS_PASSWORD = "Operator-TLS-Store-2268";
    private static final String AUDIT_PASSWORD = "Operator-Audit-Store-5519";
    private static final String OCSP_PASSWORD = "Operator-OCSP-Store-6604";
    private static final String FORM_TOKEN_SECRET = "6f1c0b2a9d8e7f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a";

    @TempDir
    Path dir;

    private Path data;
    private Path caStore;
    private Path tlsStore;
    private Path auditStore;
    private Path ocspStore;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void postgresAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 3000);
        } catch (IOException e) {
            String why = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(System.getProperty("postgres.required"))) {
                fail(why + "; postgres.required=true");
            }
            Assumptions.abort(why + "; skipping the production start tests");
        }
    }

    @BeforeEach
    void freshDatabaseAndTheOperatorsKeyStores() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        data = dir.resolve("data");
        caStore = operatorCaKeyStore();
        tlsStore = operatorTlsKeyStore();
        auditStore = operatorAuditKeyStore();
        ocspStore = operatorOcspKeyStore();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(log);
        log.stop();
    }

    @AfterAll
    static void dropTheDatabase() {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (java.sql.SQLException e) {
            // no server (the tests were skipped): nothing to drop
        }
    }

    @Test
    void servesExactlyTheOperatorsTlsCertificateAndChangesNoKeyStore() throws Exception {
        byte[] tlsBefore = Files.readAllBytes(tlsStore);
        byte[] caBefore = Files.readAllBytes(caStore);

        try (Running system = start(Map.of())) {
            X509Certificate served = TlsProbe.servedCertificate(system.port(), dir.resolve("operator-ca.pem"));
            Files.writeString(dir.resolve("served.pem"), TlsProbe.pem(served));
            assertEquals(fingerprint("operator-server.pem"), fingerprint("served.pem"));
            Tool.runOk(dir, "openssl", "verify", "-CAfile", "operator-ca.pem", "-purpose", "sslserver", "served.pem");

            String status = Tool.runOk(dir, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "--cacert", "operator-ca.pem", "https://localhost:" + system.port() + "/");
            assertTrue(status.matches("200|30[23]"), status);

            assertEquals(0, count("staff_account"), "no staff account is made at a production start");
        }

        assertArrayEquals(tlsBefore, Files.readAllBytes(tlsStore));
        assertArrayEquals(caBefore, Files.readAllBytes(caStore));
        assertFalse(Files.exists(data), "nothing is written under the data directory");
        assertTrue(logged("create the first accounts with the set-up command"), log.list.toString());
        assertFalse(log.list.stream().anyMatch(e -> e.getFormattedMessage().toLowerCase().contains("with password")),
                log.list.toString());
    }

    @Test
    void aMissingTlsKeyStoreStopsTheStartNamingItAndNothingIsCreated() throws Exception {
        Files.delete(tlsStore);

        assertStartRefused(Map.of(), "TLS key store " + tlsStore + " does not exist");

        assertFalse(Files.exists(tlsStore));
        assertFalse(Files.exists(data));
    }

    @Test
    void aGarbledTlsKeyStoreStopsTheStartAndIsLeftByteForByte() throws Exception {
        byte[] garbled = "-----BEGIN NONSENSE-----\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(tlsStore, garbled);

        assertStartRefused(Map.of(), "TLS key store " + tlsStore + " cannot be read as PKCS#12");

        assertArrayEquals(garbled, Files.readAllBytes(tlsStore));
    }

    @Test
    void aTlsKeyStoreWithAnotherPasswordStopsTheStartWithoutNamingEitherPassword() throws Exception {
        byte[] before = Files.readAllBytes(tlsStore);

        String message = assertStartRefused(Map.of("CERTRENEWAL_TLS_PASSWORD", "Guessed-Password-0815"),
                "TLS key store " + tlsStore + " cannot be opened: wrong password");

        assertFalse(message.contains("Guessed-Password-0815") || message.contains(TLS_PASSWORD), message);
        assertArrayEquals(before, Files.readAllBytes(tlsStore));
    }

    @Test
    void withoutCertrenewalTlsKeystoreTheDefaultUnderTheDataDirectoryIsExpandedAndNotCreated() throws Exception {
        Map<String, Object> variables = variables(Map.of());
        variables.remove("CERTRENEWAL_TLS_KEYSTORE");
        Path expected = data.resolve("tls").resolve("server.p12");

        assertStartRefusedWith(variables, "TLS key store " + expected + " does not exist");

        assertFalse(Files.exists(data));
        try (Stream<Path> files = Files.walk(Path.of("").toAbsolutePath(), 1)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains("${")).toList());
        }
    }

    @Test
    void aMissingCaKeyStoreStopsTheStartNamingItAndNothingIsCreated() throws Exception {
        Files.delete(caStore);
        byte[] tlsBefore = Files.readAllBytes(tlsStore);

        assertStartRefused(Map.of(), "CA key store " + caStore + " does not exist");

        assertFalse(Files.exists(caStore));
        assertArrayEquals(tlsBefore, Files.readAllBytes(tlsStore));
        assertFalse(Files.exists(data));
    }

    @Test
    void aMissingAuditKeyStoreStopsTheStartNamingItAndNothingIsCreated() throws Exception {
        Files.delete(auditStore);

        assertStartRefused(Map.of(), "audit key store " + auditStore + " does not exist");

        assertFalse(Files.exists(auditStore));
        assertFalse(Files.exists(data));
    }

    @Test
    void aMissingOcspResponderKeyStoreStopsTheStartNamingItAndNothingIsCreated() throws Exception {
        Files.delete(ocspStore);

        assertStartRefused(Map.of(), "OCSP responder key store " + ocspStore + " does not exist");

        assertFalse(Files.exists(ocspStore));
        assertFalse(Files.exists(data));
    }

    @Test
    void anOcspResponderKeyNotIssuedByTheClientCaForOcspSigningStopsTheStart() throws Exception {
        // the operator's TLS server key store, given by mistake: neither from the client CA nor for OCSP signing
        assertStartRefused(Map.of("CERTRENEWAL_OCSP_KEYSTORE", tlsStore.toString(), "CERTRENEWAL_OCSP_PASSWORD",
                TLS_PASSWORD), "OCSP responder key store " + tlsStore);
    }

    @Test
    void theOperatorsOcspResponderAnswersAndIssuedCertificatesNameItsUrl() throws Exception {
        try (Running system = start(Map.of())) {
            var answers = system.context().getBean(certrenewal.application.port.in.AnswerOcspRequestUseCase.class);
            Tool.runOk(dir, "openssl", "ocsp", "-issuer", "client-ca.pem", "-serial", "0x1234", "-reqout", "req.der");
            Files.write(dir.resolve("resp.der"), answers.answer(Files.readAllBytes(dir.resolve("req.der"))));
            String verdict = Tool.runOk(dir, "openssl", "ocsp", "-respin", "resp.der", "-reqin", "req.der",
                    "-CAfile", "client-ca.pem", "-resp_text");
            assertTrue(verdict.contains("Response verify OK"), verdict);
            assertTrue(verdict.contains("Cert Status: unknown"), verdict);
            assertTrue(verdict.contains("Bank OCSP Responder"), "signed by the operator's responder: " + verdict);
        }
    }

    @Test
    void aCaKeyStoreWithAnotherPasswordStopsTheStart() throws Exception {
        byte[] before = Files.readAllBytes(caStore);

        String message = assertStartRefused(Map.of("CERTRENEWAL_CA_PASSWORD", "Guessed-Password-0815"),
                "CA key store " + caStore + " cannot be opened: wrong password");

        assertFalse(message.contains("Guessed-Password-0815") || message.contains(CA_PASSWORD), message);
        assertArrayEquals(before, Files.readAllBytes(caStore));
    }

    @Test
    void aServerCertificateOfTheClientCaStopsTheStart() throws Exception {
        Tool.runOk(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "by-client-ca.key", "-out", "by-client-ca.csr", "-subj", "/CN=localhost");
        Tool.runOk(dir, "openssl", "x509", "-req", "-in", "by-client-ca.csr", "-CA", "client-ca.pem",
                "-CAkey", "client-ca.key", "-CAcreateserial", "-days", "30", "-extfile", "server.ext",
                "-out", "by-client-ca.pem");
        Tool.runOk(dir, "openssl", "pkcs12", "-export", "-inkey", "by-client-ca.key", "-in", "by-client-ca.pem",
                "-passout", "pass:" + TLS_PASSWORD, "-out", "by-client-ca.p12");
        Path store = dir.resolve("by-client-ca.p12");

        assertStartRefused(Map.of("CERTRENEWAL_TLS_KEYSTORE", store.toString()),
                "TLS key store " + store + " holds a server certificate issued by the client CA");
    }

    @Test
    void demoDataEnabledInProductionStopsTheStart() throws Exception {
        assertStartRefused(Map.of("CERTRENEWAL_DEMO_ENABLED", "true"),
                "certrenewal.demo.enabled is true in the production environment");

        assertFalse(Files.exists(data.resolve("demo")));
        assertEquals(0, count("contract"), "no demo contract");
    }

    @Test
    void creatingKeyMaterialCannotBeSwitchedOnInProduction() throws Exception {
        Files.delete(tlsStore);

        assertStartRefused(Map.of("CERTRENEWAL_PKI_CREATE_MISSING_KEY_MATERIAL", "true"),
                "certrenewal.pki.create-missing-key-material is true in the production environment");

        assertFalse(Files.exists(tlsStore));
        assertFalse(Files.exists(data));
    }

    @Test
    void mailingNoticesWithoutTheLoginUrlForThemStopsTheStartNamingTheVariable() throws Exception {
        assertStartRefused(Map.of("CERTRENEWAL_SMTP_HOST", "127.0.0.1"),
                "Expiry notices are e-mailed (CERTRENEWAL_SMTP_HOST) but CERTRENEWAL_LOGIN_URL");
    }

    @Test
    void withoutARedisForTheSessionsTheStartStopsNamingTheVariable() throws Exception {
        Map<String, Object> variables = variables(Map.of());
        variables.remove("CERTRENEWAL_REDIS_URI");

        assertStartRefusedWith(variables, "CERTRENEWAL_REDIS_URI is not set; production keeps its sessions in Redis");

        assertFalse(Files.exists(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789abcdef0123456789abcde"})
    void withoutALongEnoughFormTokenSecretTheStartStopsNamingTheVariableNotTheValue(String secret) throws Exception {
        Map<String, Object> variables = variables(Map.of());
        if (secret.isEmpty()) {
            variables.remove("CERTRENEWAL_FORM_TOKEN_SECRET");
        } else {
            variables.put("CERTRENEWAL_FORM_TOKEN_SECRET", secret);
        }

        String refusal = assertStartRefusedWith(variables, "CERTRENEWAL_FORM_TOKEN_SECRET is not set or shorter than 32");

        if (!secret.isEmpty()) {
            assertFalse(refusal.contains(secret), "the value is never in the refusal");
            assertFalse(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(secret)), "nor in the log");
        }
        assertFalse(Files.exists(data));
    }

    // --- starting ---

    /** The server, started as Application.main would in production, with these variables changed or added. */
    private Running start(Map<String, Object> changed) {
        return startWith(variables(changed));
    }

    private static Running startWith(Map<String, Object> variables) {
        ApplicationContext context = ApplicationContext.builder()
                .environments("prod") // MICRONAUT_ENVIRONMENTS=prod
                .propertySources(asEnvironmentVariables(variables))
                // every listener on a free port: HTTPS and plain HTTP (CRL, OCSP) any, management a fixed free one;
                // PBKDF2's production cost is checked in adapters-pki; here it would only slow the start
                .properties(Map.of("micronaut.server.ssl.port", -1, "micronaut.server.port", -1,
                        "endpoints.all.port", EndToEnd.freePort(),
                        "certrenewal.login.password-hash-iterations", 10_000))
                .build();
        try {
            context.start();
            return new Running(context, context.getBean(EmbeddedServer.class).start());
        } catch (RuntimeException e) {
            if (context.isRunning()) {
                context.close();
            }
            throw e;
        }
    }

    private Map<String, Object> variables(Map<String, Object> changed) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("CERTRENEWAL_DATA_DIR", data.toString());
        variables.put("CERTRENEWAL_DB_URL", POSTGRES + DATABASE);
        variables.put("CERTRENEWAL_DB_USER", "postgres");
        variables.put("CERTRENEWAL_DB_PASSWORD", "");
        variables.put("CERTRENEWAL_CA_KEYSTORE", caStore.toString());
        variables.put("CERTRENEWAL_CA_PASSWORD", CA_PASSWORD);
        variables.put("CERTRENEWAL_CRL_URL", "https://pki.bank.example/crl/client-ca.crl");
        variables.put("CERTRENEWAL_TLS_KEYSTORE", tlsStore.toString());
        variables.put("CERTRENEWAL_TLS_PASSWORD", TLS_PASSWORD);
        variables.put("CERTRENEWAL_AUDIT_KEYSTORE", auditStore.toString());
        variables.put("CERTRENEWAL_AUDIT_PASSWORD", AUDIT_PASSWORD);
        variables.put("CERTRENEWAL_OCSP_URL", "http://pki.bank.example/ocsp");
        variables.put("CERTRENEWAL_OCSP_KEYSTORE", ocspStore.toString());
        variables.put("CERTRENEWAL_OCSP_PASSWORD", OCSP_PASSWORD);
        // shipped elsewhere, as the README advises: the data directory holds nothing the server writes here
        variables.put("CERTRENEWAL_AUDIT_CHECKPOINTS", dir.resolve("shipped").resolve("checkpoints").toString());
        // no longer read (production writes no server certificate), still set where operators followed older notes
        variables.put("CERTRENEWAL_HOSTNAMES", "localhost,127.0.0.1");
        // sessions shared by the servers; the Redis the machine runs (.ci/run starts one)
        variables.put("CERTRENEWAL_REDIS_URI", "redis://127.0.0.1:6379");
        // the same on every server: a form one server served is posted to another
        variables.put("CERTRENEWAL_FORM_TOKEN_SECRET", FORM_TOKEN_SECRET);
        variables.putAll(changed);
        return variables;
    }

    /** Read as the process environment is: CERTRENEWAL_DEMO_ENABLED also sets certrenewal.demo.enabled. */
    private static PropertySource asEnvironmentVariables(Map<String, Object> variables) {
        return new MapPropertySource("operator's environment variables", variables) {
            @Override
            public PropertyConvention getConvention() {
                return PropertyConvention.ENVIRONMENT_VARIABLE;
            }

            @Override
            public int getOrder() {
                return EnvironmentPropertySource.POSITION;
            }
        };
    }

    /** Asserts that the start fails with {@code expected} in its message and in one ERROR line of the log. */
    private String assertStartRefused(Map<String, Object> changed, String expected) {
        return assertStartRefusedWith(variables(changed), expected);
    }

    private String assertStartRefusedWith(Map<String, Object> variables, String expected) {
        Throwable failure = assertThrows(Throwable.class, () -> startWith(variables).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("Cannot start: " + expected), messages.toString());
        List<String> errors = log.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Cannot start: ")).toList();
        assertEquals(1, errors.size(), log.list.toString());
        assertTrue(errors.getFirst().contains(expected), errors.getFirst());
        return messages.toString();
    }

    private record Running(ApplicationContext context, EmbeddedServer server) implements AutoCloseable {
        int port() {
            return server.getPort();
        }

        @Override
        public void close() {
            server.stop();
            context.close();
        }
    }

    // --- the operator's key stores, made with OpenSSL ---

    /** A client CA of the operator's, self-signed P-256, in a PKCS#12 under the alias "ca" the server expects. */
    /** The audit checkpoints' signing key, as the README tells the operator to make it; alias "audit". */
    private Path operatorAuditKeyStore() throws Exception {
        Tool.runOk(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "audit.key", "-out", "audit.crt", "-subj", "/CN=Audit", "-days", "3650");
        Tool.runOk(dir, "openssl", "pkcs12", "-export", "-name", "audit", "-inkey", "audit.key", "-in", "audit.crt",
                "-passout", "pass:" + AUDIT_PASSWORD, "-out", "audit.p12");
        Files.delete(dir.resolve("audit.key"));
        return dir.resolve("audit.p12");
    }

    /** The delegated OCSP responder's key as the README tells the operator to make it; alias "ocsp". */
    private Path operatorOcspKeyStore() throws Exception {
        Files.writeString(dir.resolve("ocsp.ext"), "basicConstraints=critical,CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\nnoCheck=ignored\n");
        Tool.runOk(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ocsp.key", "-out", "ocsp.csr", "-subj", "/O=Bank/CN=Bank OCSP Responder");
        Tool.runOk(dir, "openssl", "x509", "-req", "-in", "ocsp.csr", "-CA", "client-ca.pem", "-CAkey", "client-ca.key",
                "-CAcreateserial", "-days", "90", "-extfile", "ocsp.ext", "-out", "ocsp.crt");
        Tool.runOk(dir, "openssl", "pkcs12", "-export", "-name", "ocsp", "-inkey", "ocsp.key", "-in", "ocsp.crt",
                "-passout", "pass:" + OCSP_PASSWORD, "-out", "ocsp.p12");
        Files.delete(dir.resolve("ocsp.key"));
        return dir.resolve("ocsp.p12");
    }

    private Path operatorCaKeyStore() throws Exception {
        Tool.runOk(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "client-ca.key", "-out", "client-ca.pem", "-subj", "/C=JP/O=Bank/CN=Bank Client CA",
                "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Tool.runOk(dir, "openssl", "pkcs12", "-export", "-inkey", "client-ca.key", "-in", "client-ca.pem",
                "-name", "ca", "-passout", "pass:" + CA_PASSWORD, "-out", "client-ca.p12");
        return dir.resolve("client-ca.p12");
    }

    /** The server's key store as the operator's own server CA issued it; alias "operator-tls". */
    private Path operatorTlsKeyStore() throws Exception {
        Tool.runOk(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "operator-ca.key", "-out", "operator-ca.pem", "-subj", "/O=Operator/CN=Operator Server CA",
                "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
        Tool.runOk(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "operator-server.key", "-out", "operator-server.csr", "-subj", "/CN=localhost");
        Tool.runOk(dir, "openssl", "x509", "-req", "-in", "operator-server.csr", "-CA", "operator-ca.pem",
                "-CAkey", "operator-ca.key", "-CAcreateserial", "-days", "90", "-extfile", "server.ext",
                "-out", "operator-server.pem");
        Tool.runOk(dir, "openssl", "pkcs12", "-export", "-inkey", "operator-server.key", "-in", "operator-server.pem",
                "-certfile", "operator-ca.pem", "-name", "operator-tls", "-passout", "pass:" + TLS_PASSWORD,
                "-out", "operator-tls.p12");
        return dir.resolve("operator-tls.p12");
    }

    private String fingerprint(String pem) throws Exception {
        return Tool.runOk(dir, "openssl", "x509", "-in", pem, "-noout", "-fingerprint", "-sha256").strip();
    }

    private boolean logged(String text) {
        return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
             Statement sql = connection.createStatement()) {
            boolean exists;
            try (ResultSet rows = sql.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
                rows.next();
                exists = rows.getBoolean(1);
            }
            if (!exists) {
                return 0;
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
