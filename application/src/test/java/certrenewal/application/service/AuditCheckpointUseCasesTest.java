package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.AUDITOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.audit.AuditCheckpoint;
import certrenewal.domain.audit.AuditFinding;
import certrenewal.domain.audit.CheckpointLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checkpoints written by the system and the auditor's verification against them. */
class AuditCheckpointUseCasesTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @Test
    void aCheckpointAnchorsTheChainsEndAndIsWrittenAgainOnlyOnceTheChainGrew() {
        long records = store.audit().size();

        AuditCheckpoint first = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow();

        assertEquals(records, first.seq());
        assertEquals(world.consoleQueries.chainEnd().lastHash(), first.hash());
        assertEquals(world.clock.instant(), first.at());
        assertEquals(Optional.empty(), world.writeAuditCheckpoint.writeCheckpoint(), "nothing new to anchor");
        world.verifyAuditTrail.verify(AUDITOR); // one more record
        world.clock.advance(Duration.ofMinutes(1));
        AuditCheckpoint second = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow();
        assertEquals(records + 1, second.seq());
        assertEquals(List.of(new CheckpointLine.Signed(1, first), new CheckpointLine.Signed(2, second)),
                world.checkpoints.readAll());
    }

    @Test
    void writingACheckpointAddsNoAuditRecord() {
        List<String> before = store.auditActions();

        world.writeAuditCheckpoint.writeCheckpoint();

        assertEquals(before, store.auditActions());
    }

    @Test
    void aVerificationComparesTheChainWithEveryCheckpoint() {
        world.writeAuditCheckpoint.writeCheckpoint();
        world.verifyAuditTrail.verify(AUDITOR);
        world.writeAuditCheckpoint.writeCheckpoint();
        long records = store.audit().size();

        AuditVerification intact = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(new AuditVerification(records, Optional.empty(), 2, List.of()), intact);
        AuditEvent entry = store.audit("AUDIT_VERIFIED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals(records + " records checked; chain intact; 2 checkpoints checked", entry.detail());
    }

    @Test
    void aTailCutOffWithTheHeadFailsTheVerificationWithTheMissingRecords() {
        long before = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow().seq();
        for (int i = 0; i < 3; i++) {
            world.verifyAuditTrail.verify(AUDITOR);
        }
        long after = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow().seq();
        world.consoleQueries.recordsCutOff = 3; // back to the first checkpoint; the chain's own check finds nothing

        AuditVerification verification = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(Optional.of(before + 1), verification.firstBroken());
        assertEquals(List.of(new AuditFinding(AuditFinding.Kind.RECORDS_MISSING, before + 1, after, 2,
                world.checkpoints.latest())), verification.findings());
        AuditEvent entry = store.audit("AUDIT_VERIFIED").getLast();
        assertEquals(AuditEvent.FAILED, entry.outcome());
        assertTrue(entry.detail().startsWith(verification.entriesChecked() + " records checked; chain broken at record "
                + (before + 1) + "; 2 checkpoints checked; records " + (before + 1) + "–" + after
                + " missing since the checkpoint of "), entry.detail());
    }

    @Test
    void aRecordRewrittenWithTheChainAfterItFailsTheVerificationFromTheCheckpointBefore() {
        long before = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow().seq();
        world.verifyAuditTrail.verify(AUDITOR);
        world.verifyAuditTrail.verify(AUDITOR);
        long after = world.writeAuditCheckpoint.writeCheckpoint().orElseThrow().seq();
        world.consoleQueries.rewrittenHashes.put(after, "f".repeat(64));

        AuditVerification verification = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(Optional.of(before + 1), verification.firstBroken());
        assertEquals(List.of(new AuditFinding(AuditFinding.Kind.RECORDS_CHANGED, before + 1, after, 2,
                Optional.of(world.checkpoints.latest().orElseThrow()))), verification.findings());
    }

    @Test
    void aForgedCheckpointFailsTheVerification() {
        world.writeAuditCheckpoint.writeCheckpoint();
        AuditCheckpoint claim = world.checkpoints.latest().orElseThrow();
        world.checkpoints.lines.add(new CheckpointLine.BadSignature(2, claim));

        AuditVerification verification = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(Optional.of(claim.seq() + 1), verification.firstBroken());
        assertEquals(AuditFinding.Kind.CHECKPOINT_BAD_SIGNATURE, verification.findings().getFirst().kind());
        assertEquals(AuditEvent.FAILED, store.audit("AUDIT_VERIFIED").getLast().outcome());
    }

    @Test
    void theChainsOwnBreakStaysTheFirstFinding() {
        world.writeAuditCheckpoint.writeCheckpoint();
        world.consoleQueries.firstBroken = Optional.of(3L);

        AuditVerification verification = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(Optional.of(3L), verification.firstBroken());
        assertEquals(AuditFinding.Kind.CHAIN_BROKEN, verification.findings().getFirst().kind());
        assertEquals(verification.entriesChecked() + " records checked; chain broken at record 3; 1 checkpoint checked",
                store.audit("AUDIT_VERIFIED").getLast().detail());
    }
}
