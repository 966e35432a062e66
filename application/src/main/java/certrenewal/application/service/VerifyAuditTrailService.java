package certrenewal.application.service;

import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.audit.AuditAnchoring;
import certrenewal.domain.audit.AuditFinding;
import certrenewal.domain.audit.CheckpointLine;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The auditor verifies the audit trail: the hash chain recomputed, then compared with every
 * checkpoint kept outside the database ({@link AuditAnchoring}); each verification is recorded
 * with its result.
 */
public final class VerifyAuditTrailService implements VerifyAuditTrailUseCase {
    private static final String ACTION = "AUDIT_VERIFIED";
    /** Findings spelled out in the verification's audit record; the rest are counted. */
    private static final int FINDINGS_IN_DETAIL = 5;

    private final AuditQueryPort auditQueries;
    private final AuditCheckpointPort checkpoints;
    private final TransactionPort transactions;
    private final Audit audit;

    public VerifyAuditTrailService(AuditQueryPort auditQueries, AuditCheckpointPort checkpoints,
                                   AuditTrailPort auditTrail, TransactionPort transactions, Clock clock) {
        this.auditQueries = auditQueries;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public AuditVerification verify(Actor actor) {
        Objects.requireNonNull(actor, "actor must not be null");
        Permissions.permit(actor, AdministrativeAction.VERIFY_AUDIT_TRAIL, audit, ACTION, "audit-trail");
        AuditVerification chain = auditQueries.verify();
        List<CheckpointLine> lines = checkpoints.readAll();
        // The end read after the lines: every checkpoint read was written from this end or an earlier one.
        long lastSeq = auditQueries.chainEnd().lastSeq();
        AuditAnchoring.Outcome outcome = AuditAnchoring.check(chain.firstBroken(), lastSeq, lines,
                auditQueries.storedHashes(AuditAnchoring.recordsToLookUp(lines)));
        AuditVerification result = new AuditVerification(chain.entriesChecked(), outcome.firstBroken(), lines.size(),
                outcome.findings());
        // appended after the check, so that it is the first record the next verification covers
        String outcomeCode = result.intact() ? AuditEvent.SUCCESS : AuditEvent.FAILED;
        transactions.inTransaction(() -> audit.inCallerTransaction(actor.auditName(), ACTION, "audit-trail", outcomeCode,
                detail(result)));
        return result;
    }

    /** E.g. "57 records checked; chain broken at record 41; 3 checkpoints checked; records 41–57 missing since …". */
    private static String detail(AuditVerification result) {
        StringBuilder detail = new StringBuilder().append(result.entriesChecked()).append(" records checked; ")
                .append(result.firstBroken().map(seq -> "chain broken at record " + seq).orElse("chain intact"));
        if (result.checkpointsChecked() > 0) {
            detail.append("; ").append(result.checkpointsChecked())
                    .append(result.checkpointsChecked() == 1 ? " checkpoint checked" : " checkpoints checked");
        }
        List<AuditFinding> fromCheckpoints = result.findings().stream()
                .filter(f -> f.kind() != AuditFinding.Kind.CHAIN_BROKEN).toList();
        fromCheckpoints.stream().limit(FINDINGS_IN_DETAIL).forEach(f -> detail.append("; ").append(f.describe()));
        if (fromCheckpoints.size() > FINDINGS_IN_DETAIL) {
            detail.append("; and ").append(fromCheckpoints.size() - FINDINGS_IN_DETAIL).append(" more findings");
        }
        return detail.toString();
    }
}
