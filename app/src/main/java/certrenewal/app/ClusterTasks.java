package certrenewal.app;

import certrenewal.application.port.out.ClusterLeasePort;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled work that must run on one node of the cluster at a time (the timed-out renewal sweep, the
 * dashboard count, the CRL refresh, the audit sweep, the expiry notices, the expired approval requests): every node's timer fires, and only the node holding
 * the task's lease in the shared database ({@link ClusterLeasePort}) does the work; each run renews the
 * lease for {@code certrenewal.cluster.lease-duration}. When its holder stops, it gives its leases up; when
 * it dies, another node takes a lease over once it has expired. Per-node work (the audit checkpoint file,
 * the counts of anonymous refusals) does not come here.
 */
@Singleton
final class ClusterTasks {
    static final String RENEWAL_SWEEP = "renewal-sweep";
    static final String DASHBOARD_REFRESH = "dashboard-refresh";
    static final String AUDIT_SEAL_SWEEP = "audit-seal-sweep";
    static final String EXPIRY_NOTICES = "expiry-notices";
    static final String APPROVAL_EXPIRY = "approval-expiry";
    static final String PICKUP_FAILURE_SWEEP = "pickup-failure-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTasks.class);
    private final ClusterLeasePort leases;
    private final ClusterNode node;
    private final Clock clock;
    private final Duration leaseDuration;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> skips = new ConcurrentHashMap<>();
    /** Set at shutdown: a timer firing after the leases were given up must not take them again. */
    private volatile boolean stopping;

    ClusterTasks(ClusterLeasePort leases, ClusterNode node, Clock clock, BankSettings settings) {
        this.leases = leases;
        this.node = node;
        this.clock = clock;
        this.leaseDuration = settings.cluster().leaseDuration();
    }

    /**
     * Runs {@code work} if this node takes or renews the lease of {@code task}; otherwise another node holds
     * it and this one leaves the work to it (as it does when the database cannot be asked).
     */
    void runIfHeld(String task, Runnable work) {
        if (stopping) {
            return;
        }
        boolean holds;
        try {
            holds = leases.tryHold(task, node.id(), clock.instant(), leaseDuration);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask for the lease of {}; not running it this time: {}", task, e.toString());
            return;
        }
        if (!holds) {
            if (held.remove(task)) {
                LOG.info("Node {} no longer holds the lease of {}; another node runs it", node.id(), task);
            }
            skips.computeIfAbsent(task, t -> new LongAdder()).increment();
            return;
        }
        if (held.add(task)) {
            LOG.info("Node {} holds the lease of {} and runs it for the cluster", node.id(), task);
        }
        runs.computeIfAbsent(task, t -> new LongAdder()).increment();
        work.run();
    }

    /** How often this node ran {@code task} since it started. */
    long runs(String task) {
        LongAdder count = runs.get(task);
        return count == null ? 0 : count.sum();
    }

    /** How often this node left {@code task} to the node holding its lease. */
    long skips(String task) {
        LongAdder count = skips.get(task);
        return count == null ? 0 : count.sum();
    }

    /** At shutdown, while the database is still open: the next node need not wait for the leases to expire. */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        for (String task : Set.copyOf(held)) {
            try {
                leases.release(task, node.id());
                held.remove(task);
            } catch (RuntimeException e) {
                LOG.warn("Could not give the lease of {} up; another node takes it when it expires: {}", task, e.toString());
            }
        }
    }
}
