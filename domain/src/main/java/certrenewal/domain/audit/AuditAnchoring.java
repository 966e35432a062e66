package certrenewal.domain.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that ties the audit chain in the database to the checkpoints kept outside it. The
 * chain's own check (recomputing every hash) finds a record changed behind its successors' back;
 * the checkpoints find what a rewrite of the chain and its head together hides: a shortened
 * chain, or records changed with every later hash recomputed. Checked, line by line, in file order:
 * <ul>
 * <li>a line that is no checkpoint, or whose signature does not verify, is a finding: the records
 *     after the last checkpoint that held are vouched for by nothing before it;</li>
 * <li>a signed checkpoint of a record beyond the chain's end: those records are missing, and the
 *     records before them since the last checkpoint that held cannot be confirmed;</li>
 * <li>a signed checkpoint whose record no longer has its hash: some record after the last
 *     checkpoint that held, up to this one, was edited, removed, reordered or replaced (hashes
 *     chain, so a checkpoint that still holds vouches for every record up to it);</li>
 * <li>a signed checkpoint of an earlier record than a line before it: the chain was cut back and
 *     anchored again, or the lines were reordered.</li>
 * </ul>
 * Pure: what the file and the database hold comes in, findings go out.
 */
public final class AuditAnchoring {

    private AuditAnchoring() {
    }

    /**
     * The findings and the first record they concern.
     *
     * @param findings the chain's own break first (if any), then the checkpoints' in file order
     */
    public record Outcome(List<AuditFinding> findings) {
        public Outcome {
            findings = List.copyOf(findings);
        }

        /** The lowest sequence number any finding concerns; empty when the trail is intact. */
        public Optional<Long> firstBroken() {
            return findings.stream().map(AuditFinding::firstSeq).min(Comparator.naturalOrder());
        }
    }

    /** The records whose stored hashes {@link #check} needs: those the readable lines name. */
    public static Set<Long> recordsToLookUp(List<CheckpointLine> lines) {
        Set<Long> seqs = new LinkedHashSet<>();
        for (CheckpointLine line : lines) {
            if (line instanceof CheckpointLine.Signed signed) {
                seqs.add(signed.checkpoint().seq());
            }
        }
        return seqs;
    }

    /**
     * @param chainBrokenAt what recomputing the chain found: its first broken record, if any
     * @param lastSeq       the chain's last record, as its head says now (read after the lines)
     * @param lines         the checkpoint file, in file order
     * @param storedHashes  the hash the database holds for each record of {@link #recordsToLookUp}
     *                      that exists; a record it lacks is gone
     */
    public static Outcome check(Optional<Long> chainBrokenAt, long lastSeq, List<CheckpointLine> lines,
                                Map<Long, String> storedHashes) {
        List<AuditFinding> findings = new ArrayList<>();
        chainBrokenAt.ifPresent(seq -> findings.add(AuditFinding.chainBroken(seq)));
        long vouchedUpTo = 0; // every record up to here is as a checkpoint that held says
        long highestSeq = 0;  // the highest record a signed line named so far
        for (CheckpointLine line : lines) {
            switch (line) {
                case CheckpointLine.Unreadable unreadable -> findings.add(new AuditFinding(
                        AuditFinding.Kind.CHECKPOINT_UNREADABLE, vouchedUpTo + 1, vouchedUpTo + 1, unreadable.line(),
                        Optional.empty()));
                case CheckpointLine.BadSignature bad -> findings.add(new AuditFinding(
                        AuditFinding.Kind.CHECKPOINT_BAD_SIGNATURE, vouchedUpTo + 1, vouchedUpTo + 1, bad.line(),
                        Optional.of(bad.checkpoint())));
                case CheckpointLine.Signed signed -> {
                    AuditCheckpoint checkpoint = signed.checkpoint();
                    Optional<AuditCheckpoint> named = Optional.of(checkpoint);
                    if (checkpoint.seq() < highestSeq) {
                        findings.add(new AuditFinding(AuditFinding.Kind.CHECKPOINT_OUT_OF_ORDER, checkpoint.seq() + 1,
                                highestSeq, signed.line(), named));
                    }
                    highestSeq = Math.max(highestSeq, checkpoint.seq());
                    if (checkpoint.seq() > lastSeq) {
                        findings.add(new AuditFinding(AuditFinding.Kind.RECORDS_MISSING, lastSeq + 1, checkpoint.seq(),
                                signed.line(), named));
                        if (vouchedUpTo < lastSeq) {
                            findings.add(new AuditFinding(AuditFinding.Kind.RECORDS_UNCONFIRMED, vouchedUpTo + 1, lastSeq,
                                    signed.line(), named));
                        }
                    } else if (!checkpoint.hash().equals(storedHashes.get(checkpoint.seq()))) {
                        findings.add(new AuditFinding(AuditFinding.Kind.RECORDS_CHANGED,
                                Math.min(vouchedUpTo, checkpoint.seq() - 1) + 1, checkpoint.seq(), signed.line(), named));
                    } else {
                        vouchedUpTo = Math.max(vouchedUpTo, checkpoint.seq());
                    }
                }
            }
        }
        return new Outcome(findings);
    }
}
