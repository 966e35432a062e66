package certrenewal.application.port.out;

import certrenewal.application.port.in.console.AuditFilter;
import certrenewal.application.port.in.console.AuditRecord;
import certrenewal.application.port.in.console.AuditVerification;
import certrenewal.application.port.in.console.SearchPage;

public interface AuditQueryPort {
    SearchPage<AuditRecord> read(AuditFilter filter);

    /** Recomputes the chain from the first record. */
    AuditVerification verify();
}
