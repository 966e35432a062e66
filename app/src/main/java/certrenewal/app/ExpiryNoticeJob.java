package certrenewal.app;

import certrenewal.application.port.in.SendExpiryNoticesUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the expiry notices that came due and sends the queue, on one node of the cluster at a time
 * ({@link ClusterTasks}); the queue itself keeps each notice to one copy should two nodes ever run it at once.
 */
@Singleton
final class ExpiryNoticeJob {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryNoticeJob.class);
    private final SendExpiryNoticesUseCase notices;
    private final ClusterTasks cluster;

    ExpiryNoticeJob(SendExpiryNoticesUseCase notices, ClusterTasks cluster) {
        this.notices = notices;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelay = "${certrenewal.notices.interval}", initialDelay = "${certrenewal.notices.initial-delay}")
    void run() {
        cluster.runIfHeld(ClusterTasks.EXPIRY_NOTICES, this::queueAndSend);
    }

    /** One run, whoever holds the lease (tests call it directly). */
    void queueAndSend() {
        int queued = notices.queueDueNotices();
        int sent = notices.sendQueuedNotices();
        if (queued > 0 || sent > 0) {
            LOG.info("Expiry notices: {} queued, {} sent", queued, sent);
        }
    }
}
