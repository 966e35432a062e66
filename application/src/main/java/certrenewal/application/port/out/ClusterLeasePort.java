package certrenewal.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease per cluster-wide task (the timed-out renewal sweep, the dashboard count, ...) kept where every
 * node sees it: at most one node holds a task's lease until it expires, so that the task runs on one node
 * at a time, and a holder that died is replaced once its lease has expired. The nodes' clocks must agree
 * to well within a lease's duration.
 */
public interface ClusterLeasePort {

    /**
     * Takes the lease of {@code task} for {@code node} until {@code now + duration} when nobody holds it,
     * its holder's lease expired, or {@code node} holds it already (then this renews it).
     *
     * @return whether {@code node} holds the lease now; false means another node holds an unexpired lease
     */
    boolean tryHold(String task, String node, Instant now, Duration duration);

    /** Gives the lease of {@code task} up if {@code node} holds it, so that another node may take it at once. */
    void release(String task, String node);

    /** The node holding an unexpired lease of {@code task} at {@code now}, if any. */
    Optional<String> holder(String task, Instant now);
}
