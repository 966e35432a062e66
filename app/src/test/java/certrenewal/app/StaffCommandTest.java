package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code staff create NAME --role ROLE} run in-process against the embedded default in a scratch
 * directory: the one-time password on standard output and in no log line; it logs in and must be
 * changed first; an existing name is refused.
 */
class StaffCommandTest {
    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureTheLog() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logged);
    }

    private Supplier<ApplicationContext> system() {
        return () -> ApplicationContext.builder()
                .environments(EndToEnd.ENVIRONMENT)
                .properties(Map.of(
                        "certrenewal.data-dir", dataDir.toAbsolutePath().toString(),
                        "certrenewal.login.password-hash-iterations", 10_000,
                        "endpoints.all.port", EndToEnd.freePort()))
                .start();
    }

    @Test
    void theFirstSecurityAdministratorGetsAOneTimePasswordOnStandardOutputOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = StaffCommand.run(List.of("staff", "create", "first.admin", "--role", "security-admin"), system(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String password = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(password.matches("[A-Za-z0-9]{20}"), "the password alone on standard output: " + password);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("first.admin (SECURITY_ADMIN) created"));
        assertFalse(logged.list.isEmpty(), "the log was captured");
        assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains(password)), "never in the log");

        try (ApplicationContext context = system().get()) {
            Actor.Staff admin = context.getBean(StaffLoginUseCase.class).logIn("first.admin", password.toCharArray());
            assertEquals(new Actor.Staff("first.admin", StaffRole.SECURITY_ADMIN), admin);
            assertTrue(context.getBean(CheckStaffSessionUseCase.class).check(admin, 0).passwordChangeFirst(),
                    "the one-time password must be changed before anything else");
            StaffAccount stored = context.getBean(StaffAccountPort.class).loadStaff("first.admin").orElseThrow();
            assertFalse(stored.passwordHash().contains(password));
            assertEquals(1, count(context, "select count(*) from audit_entry where action = 'STAFF_CREATED'"
                    + " and actor = 'system:staff-create' and target = 'staff:first.admin' and outcome = 'SUCCESS'"));
        }
        assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains(password)), "never in the log");
    }

    private static long count(ApplicationContext context, String sql) {
        return context.getBean(certrenewal.application.port.out.TransactionPort.class).inTransaction(() -> {
            try (java.sql.Connection connection = context.getBean(javax.sql.DataSource.class).getConnection();
                 java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anExistingNameIsRefusedAndAWrongCommandLineExplainsItself() {
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, StaffCommand.run(List.of("staff", "create", "first.admin", "--role", "security-admin"), system(),
                ignored, ignored));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int again = StaffCommand.run(List.of("staff", "create", "first.admin", "--role", "operator"), system(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, again);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("STAFF_ACCOUNT_EXISTS"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, StaffCommand.run(List.of("staff", "create", "x1", "--role", "janitor"),
                () -> {
                    throw new AssertionError("no context for a wrong command line");
                }, ignored, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: staff create NAME --role"));
        try (ApplicationContext context = system().get()) {
            assertEquals(StaffRole.SECURITY_ADMIN,
                    context.getBean(StaffAccountPort.class).loadStaff("first.admin").orElseThrow().role());
        }
    }

    @Test
    void theFirstSecurityAdministratorsStaffCertificateIsWrittenToAFileWithItsPasswordOnStandardOutputOnly()
            throws Exception {
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, StaffCommand.run(List.of("staff", "create", "first.admin", "--role", "security-admin"), system(),
                ignored, ignored));
        Path file = dataDir.resolve("first.admin.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = StaffCommand.run(List.of("staff", "certificate", "first.admin", "--out", file.toString()), system(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String password = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(password.matches("[A-Za-z0-9]{20}"), password);
        String contents = EndToEnd.Tool.runOk(dataDir, "openssl", "pkcs12", "-in", file.toString(), "-passin",
                "pass:" + password, "-nodes");
        assertTrue(contents.contains("OU = Staff, CN = first.admin"), contents);
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), java.nio.file.Files.getPosixFilePermissions(file));
        assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains(password)), "never in the log");
        assertEquals(1, StaffCommand.run(List.of("staff", "certificate", "first.admin", "--out", file.toString()), system(),
                ignored, ignored), "an existing file is not overwritten");
    }
}
