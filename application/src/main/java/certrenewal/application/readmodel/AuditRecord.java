package certrenewal.application.readmodel;

import java.time.Instant;

public record AuditRecord(long seq, Instant at, String actor, String action, String target, String outcome, String detail) {
}
