package certrenewal.application.port.in;

/**
 * The scheduled expiry notices: queue those that came due, then send what is waiting. Safe to run on several
 * nodes at once: each notice is queued once and sent by one of them.
 */
public interface SendExpiryNoticesUseCase {

    /**
     * Queues the notices due now, and each contract administrator's digest of the period if it has none yet;
     * returns how many this call queued.
     */
    int queueDueNotices();

    /** Sends the queued notices whose time has come; returns how many this call sent. */
    int sendQueuedNotices();
}
