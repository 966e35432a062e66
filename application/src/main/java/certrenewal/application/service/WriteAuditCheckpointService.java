package certrenewal.application.service;

import certrenewal.application.port.in.WriteAuditCheckpointUseCase;
import certrenewal.application.port.out.AuditChainEnd;
import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.domain.audit.AuditCheckpoint;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Writes a checkpoint of the chain's end when it moved since the last one. One at a time: a
 * checkpoint read before another but written after it would look like a chain cut back.
 */
public final class WriteAuditCheckpointService implements WriteAuditCheckpointUseCase {
    private final AuditQueryPort auditQueries;
    private final AuditCheckpointPort checkpoints;
    private final Clock clock;

    public WriteAuditCheckpointService(AuditQueryPort auditQueries, AuditCheckpointPort checkpoints, Clock clock) {
        this.auditQueries = auditQueries;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<AuditCheckpoint> writeCheckpoint() {
        AuditChainEnd end = auditQueries.chainEnd(); // chains what is pending first
        if (end.lastSeq() == 0
                || checkpoints.latest().filter(last -> last.anchors(end.lastSeq(), end.lastHash())).isPresent()) {
            return Optional.empty();
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint(end.lastSeq(), end.lastHash(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        checkpoints.append(checkpoint);
        return Optional.of(checkpoint);
    }
}
