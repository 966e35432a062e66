package certrenewal.app;

import certrenewal.adapters.persistence.JdbcAuditTrail;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Chains audit entries that no seal after their commit took (a server stopped just after committing), on one
 * node of the cluster at a time. Each server still seals its own commits at once, and every seal takes its
 * turn under the lock on the chain's head, so the chain stays linear however many nodes seal.
 */
@Singleton
final class AuditSealSweeper {
    private final JdbcAuditTrail auditTrail;
    private final ClusterTasks cluster;

    AuditSealSweeper(JdbcAuditTrail auditTrail, ClusterTasks cluster) {
        this.auditTrail = auditTrail;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.audit.seal-sweep-interval:5s}", initialDelay = "1s")
    void sweep() {
        cluster.runIfHeld(ClusterTasks.AUDIT_SEAL_SWEEP, auditTrail::sealLeftovers);
    }
}
