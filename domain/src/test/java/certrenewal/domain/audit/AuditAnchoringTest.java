package certrenewal.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.audit.AuditFinding.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint rule against a small hash chain of ten records, anchored after records 4, 7 and
 * 10 (file lines 1 to 3), as a database administrator might rewrite it: the chain and its head
 * together, so that recomputing the chain alone finds nothing.
 */
class AuditAnchoringTest {
    private static final Instant T0 = Instant.parse("2025-06-01T03:00:00Z");
    private static final Optional<Long> CHAIN_INTACT = Optional.empty();

    private final List<String> records = new ArrayList<>(List.of(
            "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"));
    private final List<String> anchored = chain(records);
    private final AuditCheckpoint at4 = checkpoint(4, 1);
    private final AuditCheckpoint at7 = checkpoint(7, 2);
    private final AuditCheckpoint at10 = checkpoint(10, 3);
    private final List<CheckpointLine> file = List.of(signed(1, at4), signed(2, at7), signed(3, at10));

    @Test
    void anUntouchedChainAgreesWithEveryCheckpoint() {
        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(), outcome.findings());
        assertEquals(Optional.empty(), outcome.firstBroken());
    }

    @Test
    void recordsAddedAfterTheLastCheckpointAreNoFinding() {
        records.add("r11");
        records.add("r12");

        assertEquals(List.of(), check(CHAIN_INTACT, file).findings());
    }

    @Test
    void noCheckpointsMeansTheChainsOwnCheckAlone() {
        assertEquals(List.of(), check(CHAIN_INTACT, List.of()).findings());
        assertEquals(Optional.of(3L), check(Optional.of(3L), List.of()).firstBroken());
        assertEquals(List.of(new AuditFinding(Kind.CHAIN_BROKEN, 3, 3, 0, Optional.empty())),
                check(Optional.of(3L), List.of()).findings());
    }

    @Test
    void anEditedRecordWithEveryLaterHashRecomputedBreaksTheCheckpointsAfterIt() {
        records.set(5, "r6, edited"); // record 6

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(
                new AuditFinding(Kind.RECORDS_CHANGED, 5, 7, 2, Optional.of(at7)),
                new AuditFinding(Kind.RECORDS_CHANGED, 5, 10, 3, Optional.of(at10))), outcome.findings());
        assertEquals(Optional.of(5L), outcome.firstBroken());
        assertEquals("records 5–7 changed since the checkpoint of 2025-06-01T05:00:00Z (line 2): record 7 no longer"
                + " has the hash it had", outcome.findings().getFirst().describe());
    }

    @Test
    void aTailCutOffTogetherWithTheHeadIsMissingSinceTheLastCheckpoint() {
        records.subList(7, 10).clear(); // records 8 to 10, the head now at 7: back to the checkpoint before

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(new AuditFinding(Kind.RECORDS_MISSING, 8, 10, 3, Optional.of(at10))), outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
        assertEquals("records 8–10 missing since the checkpoint of 2025-06-01T06:00:00Z (line 3)",
                outcome.findings().getFirst().describe());
    }

    @Test
    void aTailCutOffBetweenCheckpointsLeavesTheRecordsBeforeTheCutUnconfirmed() {
        records.subList(8, 10).clear(); // records 9 and 10; 8 is still there, but only checkpoint 10 covered it

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(
                new AuditFinding(Kind.RECORDS_MISSING, 9, 10, 3, Optional.of(at10)),
                new AuditFinding(Kind.RECORDS_UNCONFIRMED, 8, 8, 3, Optional.of(at10))), outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
        assertEquals("record 8 cannot be confirmed since the checkpoint of 2025-06-01T06:00:00Z (line 3): the record it"
                + " anchors is gone", outcome.findings().get(1).describe());
    }

    @Test
    void aCutTailWhoseNumbersWereUsedAgainIsAChangeSinceTheCheckpointBefore() {
        records.subList(8, 10).clear();
        records.addAll(List.of("r9, new", "r10, new", "r11, new"));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(new AuditFinding(Kind.RECORDS_CHANGED, 8, 10, 3, Optional.of(at10))), outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
    }

    @Test
    void reorderedRecordsWithTheChainRecomputedBreakTheCheckpointsAfterThem() {
        Collections.swap(records, 4, 5); // records 5 and 6

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, file);

        assertEquals(List.of(
                new AuditFinding(Kind.RECORDS_CHANGED, 5, 7, 2, Optional.of(at7)),
                new AuditFinding(Kind.RECORDS_CHANGED, 5, 10, 3, Optional.of(at10))), outcome.findings());
    }

    @Test
    void aRecordRemovedFromTheMiddleIsAChangeUpToTheNextCheckpoint() {
        Map<Long, String> stored = stored(records);
        stored.remove(6L);
        stored.remove(7L);

        AuditAnchoring.Outcome outcome = AuditAnchoring.check(Optional.of(6L), 10, file, stored);

        assertEquals(List.of(
                new AuditFinding(Kind.CHAIN_BROKEN, 6, 6, 0, Optional.empty()),
                new AuditFinding(Kind.RECORDS_CHANGED, 5, 7, 2, Optional.of(at7))), outcome.findings());
        assertEquals(Optional.of(5L), outcome.firstBroken());
    }

    @Test
    void theChainsOwnBreakComesFirstAndCountsWhenItIsEarlier() {
        AuditAnchoring.Outcome outcome = check(Optional.of(3L), file);

        assertEquals(List.of(new AuditFinding(Kind.CHAIN_BROKEN, 3, 3, 0, Optional.empty())), outcome.findings());
        assertEquals(Optional.of(3L), outcome.firstBroken());
    }

    @Test
    void aForgedLineIsAFindingFromTheRecordAfterTheLastCheckpointThatHeld() {
        AuditCheckpoint forged = new AuditCheckpoint(7, anchored.get(7), T0.plus(Duration.ofHours(2)));
        List<CheckpointLine> edited = List.of(signed(1, at4), new CheckpointLine.BadSignature(2, forged), signed(3, at10));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, edited);

        assertEquals(List.of(new AuditFinding(Kind.CHECKPOINT_BAD_SIGNATURE, 5, 5, 2, Optional.of(forged))),
                outcome.findings());
        assertEquals(Optional.of(5L), outcome.firstBroken());
    }

    @Test
    void aForgedLastLineClaimingAShorterChainDoesNotHideTheCut() {
        records.subList(8, 10).clear();
        AuditCheckpoint forged = new AuditCheckpoint(8, anchored.get(7), T0.plus(Duration.ofHours(4)));
        List<CheckpointLine> appended = List.of(signed(1, at4), signed(2, at7), signed(3, at10),
                new CheckpointLine.BadSignature(4, forged));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, appended);

        assertEquals(List.of(
                new AuditFinding(Kind.RECORDS_MISSING, 9, 10, 3, Optional.of(at10)),
                new AuditFinding(Kind.RECORDS_UNCONFIRMED, 8, 8, 3, Optional.of(at10)),
                new AuditFinding(Kind.CHECKPOINT_BAD_SIGNATURE, 8, 8, 4, Optional.of(forged))), outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
    }

    @Test
    void aLineCutShortIsAFindingFromTheRecordAfterTheLastCheckpointThatHeld() {
        List<CheckpointLine> cut = List.of(signed(1, at4), signed(2, at7), new CheckpointLine.Unreadable(3));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, cut);

        assertEquals(List.of(new AuditFinding(Kind.CHECKPOINT_UNREADABLE, 8, 8, 3, Optional.empty())),
                outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
        assertEquals("checkpoint line 3 cannot be read: the file was cut or edited; records from 8 on are unvouched",
                outcome.findings().getFirst().describe());
    }

    @Test
    void reorderedLinesAreFoundEvenWhenEachStillHolds() {
        List<CheckpointLine> reordered = List.of(signed(1, at4), signed(2, at10), signed(3, at7));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, reordered);

        assertEquals(List.of(new AuditFinding(Kind.CHECKPOINT_OUT_OF_ORDER, 8, 10, 3, Optional.of(at7))),
                outcome.findings());
        assertEquals(Optional.of(8L), outcome.firstBroken());
    }

    @Test
    void aChainCutBackAndAnchoredAgainShowsInTheFileToo() {
        records.subList(8, 10).clear();
        records.add("r9, new");
        AuditCheckpoint after = new AuditCheckpoint(9, chain(records).get(8), T0.plus(Duration.ofHours(4)));
        List<CheckpointLine> appended = List.of(signed(1, at4), signed(2, at7), signed(3, at10), signed(4, after));

        AuditAnchoring.Outcome outcome = check(CHAIN_INTACT, appended);

        assertEquals(List.of(
                new AuditFinding(Kind.RECORDS_MISSING, 10, 10, 3, Optional.of(at10)),
                new AuditFinding(Kind.RECORDS_UNCONFIRMED, 8, 9, 3, Optional.of(at10)),
                new AuditFinding(Kind.CHECKPOINT_OUT_OF_ORDER, 10, 10, 4, Optional.of(after))), outcome.findings());
    }

    @Test
    void onlySignedLinesNameRecordsToLookUp() {
        List<CheckpointLine> lines = List.of(signed(1, at4), new CheckpointLine.BadSignature(2, at7),
                new CheckpointLine.Unreadable(3), signed(4, at10), signed(5, at10));

        assertEquals(Set.of(4L, 10L), AuditAnchoring.recordsToLookUp(lines));
    }

    @Test
    void aCheckpointNamesARecordAndAFullHash() {
        assertThrows(IllegalArgumentException.class, () -> new AuditCheckpoint(0, anchored.get(0), T0));
        assertThrows(IllegalArgumentException.class, () -> new AuditCheckpoint(1, "abc", T0));
        assertThrows(IllegalArgumentException.class, () -> new AuditCheckpoint(1, anchored.get(0).toUpperCase(), T0));
    }

    // ---- the chain as the database holds it ----

    private AuditAnchoring.Outcome check(Optional<Long> chainBrokenAt, List<CheckpointLine> lines) {
        return AuditAnchoring.check(chainBrokenAt, records.size(), lines, stored(records));
    }

    /** Seq to hash, from 1, for every record; what the database answers when asked for all. */
    private static Map<Long, String> stored(List<String> records) {
        List<String> hashes = chain(records);
        Map<Long, String> stored = new HashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
            stored.put(i + 1L, hashes.get(i));
        }
        return stored;
    }

    private static List<String> chain(List<String> records) {
        List<String> hashes = new ArrayList<>();
        String previous = "0".repeat(64);
        for (String record : records) {
            previous = sha256(previous + record);
            hashes.add(previous);
        }
        return hashes;
    }

    /** Record {@code seq} of the untouched chain, anchored {@code hours} after T0. */
    private AuditCheckpoint checkpoint(long seq, int hours) {
        return new AuditCheckpoint(seq, anchored.get((int) seq - 1), T0.plus(Duration.ofHours(hours)));
    }

    private static CheckpointLine signed(int line, AuditCheckpoint checkpoint) {
        return new CheckpointLine.Signed(line, checkpoint);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
