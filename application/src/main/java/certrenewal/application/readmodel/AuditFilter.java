package certrenewal.application.readmodel;

import java.time.Instant;

/** Audit trail filter; null criteria do not filter; text criteria match exactly except {@code targetPrefix}. Newest first. */
public record AuditFilter(String actor, String action, String targetPrefix, String outcome, Instant from, Instant to,
                          int page, int pageSize) {
    public AuditFilter {
        if (page < 0 || pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page must be >= 0 and page size 1..500");
        }
    }
}
