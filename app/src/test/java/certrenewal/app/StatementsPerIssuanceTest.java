package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.app.CountingJdbcDriver.Counts;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RenewWithCertificateUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database work of one EST renewal (what the EST gate and controller call: authenticate the client
 * certificate, then renew) and of one direct issuance (the benchmark's in-process line), counted in statements and
 * commits on H2 and on PostgreSQL. A count does not depend on how busy the machine is; the bounds pin what issue 14's
 * work took away (an EST renewal made 16 statements, a direct issuance 9: the account read three times, the open
 * renewal twice, the contract, the key's certificates and the ID's recent ones apart, an audit entry per statement),
 * so that a change that reads the same rows again shows here. The audit sealer's work (its own thread, one
 * transaction for the entries of many commits) is not counted.
 */
class StatementsPerIssuanceTest {
    /**
     * The authentication's 2 reads (certificate, account; no transaction); then in one transaction: the account with
     * its contract, the certificate renewed, the ID's unfinished renewals, the claim on the account, the key's and the
     * ID's recent certificates, the new certificate, the renewal, its 2 audit entries in one batch.
     */
    static final int EST_RENEWAL_STATEMENTS = 10;
    static final int EST_RENEWAL_COMMITS = 1;
    /** The account with its contract, the key's and the ID's recent certificates, the certificate, the account, the grant, the audit entry. */
    static final int DIRECT_ISSUANCE_STATEMENTS = 6;
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Actor SYSTEM = new Actor.SystemTask("statement-count-test");

    @TempDir
    Path dataDir;

    @Test
    void anEstRenewalAndADirectIssuanceOnH2MakeNoMoreStatementsThanPinned() throws Exception {
        String h2 = "h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("certrenewal")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", CountingJdbcDriver.PREFIX + h2);
        settings.put("datasources.default.driver-class-name", CountingJdbcDriver.class.getName());
        countAndCheck(settings);
    }

    @Test
    void anEstRenewalAndADirectIssuanceOnPostgresqlMakeNoMoreStatementsThanPinned() throws Exception {
        requirePostgres();
        String database = "certrenewal_statements_" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(4));
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        try {
            Map<String, Object> settings = new HashMap<>();
            settings.put("datasources.default.url", CountingJdbcDriver.PREFIX + POSTGRES.substring("jdbc:".length()) + database);
            settings.put("datasources.default.driver-class-name", CountingJdbcDriver.class.getName());
            settings.put("datasources.default.username", "postgres");
            settings.put("datasources.default.password", "");
            countAndCheck(settings);
        } finally {
            try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private void countAndCheck(Map<String, Object> database) throws Exception {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("certrenewal.attempt-limits.per-address", 1_000_000);
        settings.put("certrenewal.attempt-limits.per-login-id", 1_000_000);
        try (EndToEnd system = EndToEnd.start(dataDir, settings)) {
            AuthenticateCertificateUseCase authentication = system.bean(AuthenticateCertificateUseCase.class);
            RenewWithCertificateUseCase renewal = system.bean(RenewWithCertificateUseCase.class);
            byte[] demoCertificate = ClientCredentials.parse(pem(system.demo("demo-user1.crt"))).getEncoded();
            byte[] request = ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "demo-user1");
            // once untimed on demo-user2, so that first-use work (caches, lazily made beans) is not counted
            estRenewal(authentication, renewal, ClientCredentials.parse(pem(system.demo("demo-user2.crt"))).getEncoded(),
                    ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "demo-user2"));

            AtomicReference<IssuedCertificate> renewed = new AtomicReference<>();
            Counts est = CountingJdbcDriver.counting(() -> renewed.set(estRenewal(authentication, renewal, demoCertificate, request)));

            assertTrue(system.bean(LoadCertificatePort.class).loadCertificate(renewed.get().certificate().serial()).isPresent(),
                    "the renewed certificate is stored");

            LoginId fresh = new LoginId("count-user");
            system.bean(RegisterUserIdUseCase.class).register(new RegisterUserIdCommand(SYSTEM, new ContractNumber("0000001"),
                    fresh, new LoginPassword("count-password".toCharArray()), new char[0]));
            byte[] firstRequest = ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "count-user");
            IssueCertificateUseCase issuance = system.bean(IssueCertificateUseCase.class);
            AtomicReference<IssuedCertificate> issued = new AtomicReference<>();
            Counts direct = CountingJdbcDriver.counting(() -> issued.set(issuance.issue(
                    new IssueCertificateCommand(fresh, firstRequest, Duration.ofDays(30), SYSTEM))));
            assertTrue(system.bean(LoadCertificatePort.class).loadCertificate(issued.get().certificate().serial()).isPresent(),
                    "the issued certificate is stored");

            System.out.println("one EST renewal: " + est.describe() + "\none direct issuance: " + direct.describe());
            check("one EST renewal", est, EST_RENEWAL_STATEMENTS, EST_RENEWAL_COMMITS);
            check("one direct issuance", direct, DIRECT_ISSUANCE_STATEMENTS, 1);
        }
    }

    private static IssuedCertificate estRenewal(AuthenticateCertificateUseCase authentication,
                                                RenewWithCertificateUseCase renewal, byte[] certificate, byte[] request) {
        AuthenticatedId who = authentication.authenticateForRenewal(certificate, ClientAddress.IN_PROCESS);
        return renewal.renew(who, request);
    }

    private static void check(String what, Counts counts, int statements, int commits) {
        assertTrue(counts.statements() <= statements, what + " made more statements than " + statements + ": "
                + counts.describe());
        assertEquals(commits, counts.commits(), what + ": " + counts.describe());
        assertEquals(0, counts.rollbacks(), what + ": " + counts.describe());
    }

    private static byte[] pem(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** Skipped when PostgreSQL is missing on a developer's machine; a failure on CI (CI=true). */
    private static void requirePostgres() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 3000);
        } catch (IOException e) {
            String why = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI")) || Boolean.parseBoolean(System.getProperty("postgres.required"))) {
                fail(why);
            }
            Assumptions.abort(why + "; skipping the PostgreSQL count");
        }
    }
}
