package certrenewal.application.service;

import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.domain.audit.AuditCheckpoint;
import certrenewal.domain.audit.CheckpointLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checkpoint file as a list of lines, every one signed unless a test puts another in. */
final class InMemoryCheckpoints implements AuditCheckpointPort {
    final List<CheckpointLine> lines = new ArrayList<>();

    @Override
    public void append(AuditCheckpoint checkpoint) {
        lines.add(new CheckpointLine.Signed(lines.size() + 1, checkpoint));
    }

    @Override
    public Optional<AuditCheckpoint> latest() {
        for (CheckpointLine line : lines.reversed()) {
            if (line instanceof CheckpointLine.Signed signed) {
                return Optional.of(signed.checkpoint());
            }
            if (line instanceof CheckpointLine.BadSignature bad) {
                return Optional.of(bad.checkpoint());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CheckpointLine> readAll() {
        return List.copyOf(lines);
    }
}
