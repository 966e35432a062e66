package certrenewal.application.port.out;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;
import java.util.Map;
import java.util.Set;

public interface AuditQueryPort {
    SearchPage<AuditRecord> read(AuditFilter filter);

    /** Recomputes the chain from the first record (the checkpoints are the service's to compare). */
    AuditVerification verify();

    /** The chain's end after chaining what is pending: what a checkpoint anchors. */
    AuditChainEnd chainEnd();

    /** The hash stored with each of these records that exists; a record that does not is left out. */
    Map<Long, String> storedHashes(Set<Long> seqs);
}
