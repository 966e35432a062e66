package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.WriteAuditCheckpointUseCase;
import certrenewal.application.port.in.WriteRefusalTalliesUseCase;
import certrenewal.application.port.out.TransactionPort;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anonymous traffic cannot grow the audit trail without bound, over HTTP against the running system:
 * unknown staff names at the console login, unknown IDs at 証明書取得 and a certificate the bank did
 * not issue over EST are counted per client address and minute, one record each; every refusal of a
 * known ID is still a record of its own, at once.
 */
class AnonymousRefusalsAuditTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    private static EndToEnd system;

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir, Map.of(
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000,
                // the test writes the finished minute itself, after moving the clock on
                "certrenewal.audit.unknown-caller-write-interval", "1h"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void unknownCallersAreCountedPerAddressAndMinuteKnownIdsRecordedEachTime() throws Exception {
        long before = lastSeq();
        FormClient client = new FormClient(system, "en");
        for (int i = 0; i < 40; i++) {
            assertEquals(401, client.post("/console/login", "/console/login",
                    Map.of("username", "guess" + i, "password", "wrong-password")).statusCode());
            assertEquals(401, client.post("/pickup", "/pickup", Map.of("loginId", "nobody" + i, "password", "wrong",
                    "issuancePassword", "ABCDEFGHJKLMNPQR")).statusCode());
        }
        EndToEnd.Tool.runOk(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "self.key", "-out", "self.crt", "-days", "30", "-subj", "/CN=demo-user2/OU=0000001/C=JP");
        for (int i = 0; i < 10; i++) {
            EndToEnd.CurlResult reply = system.curl(work, "GET", "/api/me/certificate", work.resolve("self.crt"),
                    work.resolve("self.key"), null, null);
            assertEquals("UNKNOWN_CERTIFICATE", reply.refusalCode(), reply.toString());
        }
        // a known ID's refusals: one record each, at once
        for (int i = 0; i < 2; i++) {
            assertEquals(401, client.post("/pickup", "/pickup", Map.of("loginId", "demo-user1", "password", "wrong",
                    "issuancePassword", "ABCDEFGHJKLMNPQR")).statusCode());
        }

        assertEquals(List.of("demo-user1 CERTIFICATE_PICKUP", "demo-user1 CERTIFICATE_PICKUP"), recordsAfter(before),
                "90 anonymous refusals wrote nothing yet");

        system.bean(MutableClock.class).advance(Duration.ofMinutes(1));
        assertEquals(3, system.bean(WriteRefusalTalliesUseCase.class).writeFinishedMinutes());

        List<String> written = recordsAfter(before).subList(2, 5);
        assertEquals(3, written.size(), written.toString());
        assertTrue(written.stream().allMatch(r -> r.matches("anonymous:(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1) .*")), written.toString());
        List<String> details = details(before);
        assertTrue(details.contains("STAFF_LOGIN WRONG_CREDENTIALS: unknown staff account: 40 refusals"), details.toString());
        assertTrue(details.contains("CERTIFICATE_PICKUP PICKUP_REFUSED: unknown login ID: 40 refusals"), details.toString());
        assertTrue(details.contains("CERTIFICATE_AUTHENTICATION UNKNOWN_CERTIFICATE: 10 refusals"), details.toString());
    }

    /** The sequence number of the newest record, after chaining what is pending. */
    private static long lastSeq() {
        system.bean(WriteAuditCheckpointUseCase.class).writeCheckpoint();
        List<String> last = query("select coalesce(max(seq), 0) from audit_entry", 0);
        return Long.parseLong(last.getFirst());
    }

    /** "actor action" of each record after {@code seq}, oldest first, after chaining what is pending. */
    private static List<String> recordsAfter(long seq) {
        system.bean(WriteAuditCheckpointUseCase.class).writeCheckpoint();
        return query("select actor || ' ' || action from audit_entry where seq > ? and action in"
                + " ('STAFF_LOGIN', 'CERTIFICATE_PICKUP', 'CERTIFICATE_AUTHENTICATION') order by seq", seq);
    }

    /** "action detail-up-to-the-minute" of the records after {@code seq} written for anonymous callers. */
    private static List<String> details(long seq) {
        return query("select action || ' ' || detail from audit_entry where seq > ? and actor like 'anonymous:%' order by seq", seq)
                .stream().map(d -> d.substring(0, d.indexOf(" in the minute from "))).toList();
    }

    private static List<String> query(String sql, long parameter) {
        DataSource dataSource = system.bean(DataSource.class);
        return system.bean(TransactionPort.class).inTransaction(() -> {
            // the transaction's connection: closing it is the transaction's business, not this query's
            try (PreparedStatement statement = dataSource.getConnection().prepareStatement(sql)) {
                if (sql.contains("?")) {
                    statement.setLong(1, parameter);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
