package certrenewal.application.port.out;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;

public interface AuditQueryPort {
    SearchPage<AuditRecord> read(AuditFilter filter);

    /** Recomputes the chain from the first record. */
    AuditVerification verify();
}
