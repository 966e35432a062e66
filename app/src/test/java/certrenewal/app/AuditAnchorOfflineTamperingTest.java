package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.WriteAuditCheckpointUseCase;
import certrenewal.application.port.in.console.ReadAuditTrailUseCase;
import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.audit.AuditFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario on the embedded default: a database administrator cuts the last audit
 * records off while the server is down and rewrites the chain's head to match, which the chain's
 * own check cannot see; the checkpoints written outside the database (by hand here, and by the
 * server's shutdown) name the records that went.
 */
class AuditAnchorOfflineTamperingTest {
    private static final Actor AUDITOR = new Actor.Staff("auditor", StaffRole.AUDITOR);

    @TempDir
    Path dataDir;

    @Test
    void cuttingTheChainsTailWhileTheServerIsDownIsFoundAtTheNextStart() throws Exception {
        long anchoredByHand;
        try (EndToEnd system = EndToEnd.start(dataDir)) {
            produceRecords(system, 3);
            anchoredByHand = system.bean(WriteAuditCheckpointUseCase.class).writeCheckpoint().orElseThrow().seq();
            produceRecords(system, 5);
        }
        long anchoredAtShutdown = lastCheckpointSeq();
        long cutBackTo;
        try (Connection db = database(); Statement sql = db.createStatement()) {
            assertEquals(single(sql, "SELECT last_seq FROM audit_head"), anchoredAtShutdown,
                    "the shutdown checkpoint covers the last seal");
            assertTrue(anchoredAtShutdown > anchoredByHand + 4);
            cutBackTo = anchoredByHand;
            sql.executeUpdate("DELETE FROM audit_entry WHERE seq > " + cutBackTo);
            sql.executeUpdate("UPDATE audit_head SET last_seq = " + cutBackTo
                    + ", last_hash = (SELECT hash FROM audit_entry WHERE seq = " + cutBackTo + ")");
        }

        try (EndToEnd system = EndToEnd.start(dataDir)) {
            AuditVerification verification = system.bean(VerifyAuditTrailUseCase.class).verify(AUDITOR);

            assertFalse(verification.intact(), verification.toString());
            assertEquals(cutBackTo + 1, verification.firstBroken().orElseThrow(), verification.toString());
            assertEquals(2, verification.checkpointsChecked());
            // The restart's own records took some of the numbers again: the checkpoint's record is either gone or another one.
            AuditFinding finding = verification.findings().stream()
                    .filter(f -> f.lastSeq() == anchoredAtShutdown).findFirst().orElseThrow();
            assertTrue(Set.of(AuditFinding.Kind.RECORDS_MISSING, AuditFinding.Kind.RECORDS_CHANGED).contains(finding.kind()),
                    finding.toString());
            assertEquals(2, finding.line());
            AuditRecord recorded = lastRecord(system);
            assertEquals("AUDIT_VERIFIED", recorded.action());
            assertEquals("FAILED", recorded.outcome());
            assertTrue(recorded.detail().contains("chain broken at record " + (cutBackTo + 1) + "; 2 checkpoints checked; "),
                    recorded.detail());
            assertTrue(recorded.detail().contains("–" + anchoredAtShutdown + " "), recorded.detail());
        }
    }

    @Test
    void anUntouchedTrailVerifiesIntactAfterARestartAndTheFileOnlyGrows() throws Exception {
        try (EndToEnd system = EndToEnd.start(dataDir)) {
            produceRecords(system, 2);
        }
        byte[] afterFirstRun = Files.readAllBytes(checkpointFile());
        assertEquals(1, lines(afterFirstRun).size(), "the shutdown checkpoint");

        try (EndToEnd system = EndToEnd.start(dataDir)) {
            AuditVerification verification = system.bean(VerifyAuditTrailUseCase.class).verify(AUDITOR);

            assertTrue(verification.intact(), verification.toString());
            assertEquals(List.of(), verification.findings());
            assertEquals(1, verification.checkpointsChecked());
            system.bean(WriteAuditCheckpointUseCase.class).writeCheckpoint().orElseThrow();
            produceRecords(system, 1);
        }
        byte[] afterSecondRun = Files.readAllBytes(checkpointFile());

        assertArrayEquals(afterFirstRun, Arrays.copyOf(afterSecondRun, afterFirstRun.length), "earlier lines unchanged");
        assertEquals(3, lines(afterSecondRun).size(), "by hand, then at shutdown");
        try (EndToEnd system = EndToEnd.start(dataDir)) {
            AuditVerification verification = system.bean(VerifyAuditTrailUseCase.class).verify(AUDITOR);
            assertTrue(verification.intact(), verification.toString());
            assertEquals(3, verification.checkpointsChecked());
        }
    }

    /** Each verification appends one audit record. */
    private static void produceRecords(EndToEnd system, int count) {
        for (int i = 0; i < count; i++) {
            system.bean(VerifyAuditTrailUseCase.class).verify(AUDITOR);
        }
    }

    private static AuditRecord lastRecord(EndToEnd system) {
        return system.bean(ReadAuditTrailUseCase.class)
                .read(AUDITOR, new AuditFilter(null, null, null, null, null, null, 0, 1)).rows().getFirst();
    }

    private Path checkpointFile() {
        return dataDir.resolve("audit/checkpoints");
    }

    private long lastCheckpointSeq() throws Exception {
        List<String> lines = lines(Files.readAllBytes(checkpointFile()));
        return Long.parseLong(lines.getLast().split(" ")[1]);
    }

    private static List<String> lines(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII).lines().toList();
    }

    /** The stopped server's database, as its administrator opens it. */
    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
                + "/db/certrenewal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
