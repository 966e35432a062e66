package certrenewal.application.service;

import certrenewal.application.port.in.SendExpiryNoticesUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.NoticeQueuePort;
import certrenewal.application.port.out.SendMailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.ExpiryNoticeSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues each certificate's expiry notice when {@link ExpiryNoticeSchedule} says it is due, then sends the queue.
 * Correct without the cluster lease: the queue's unique constraint lets one node queue a notice, and the
 * conditional claim lets one node send it. A notice the mail system does not take stays queued and is tried again
 * after a back-off doubling from {@code firstRetry} up to {@code maxRetry}, and FAILED after {@code maxAttempts}.
 * A sender that dies between handing a mail over and recording it leaves its claim to run out ({@code claimFor});
 * then the notice is sent again — the one case of a second copy, kept as short as one SMTP exchange.
 */
public final class SendExpiryNoticesService implements SendExpiryNoticesUseCase {
    private static final String ACTOR = new Actor.SystemTask("expiry-notices").auditName();
    private static final int BATCH = 200;

    /** How the queue retries. */
    public record Retries(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration claimFor) {
        public Retries {
            Objects.requireNonNull(firstRetry, "first retry must not be null");
            Objects.requireNonNull(maxRetry, "max retry must not be null");
            Objects.requireNonNull(claimFor, "claim duration must not be null");
            if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("retries need 0 < first-retry <= max-retry");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1");
            }
        }

        /** The wait after the {@code attempts}-th failed attempt: first, twice as long each time, at most max. */
        Duration after(int attempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    private final NoticeQueuePort queue;
    private final SendMailPort mail;
    private final TransactionPort transactions;
    private final Audit audit;
    private final ExpiryNoticeSchedule schedule;
    private final Retries retries;
    private final Clock clock;
    /** Names this sender's claims: one per instance, so two nodes (or two instances in a test) never share one. */
    private final String claimant = UUID.randomUUID().toString();

    public SendExpiryNoticesService(NoticeQueuePort queue, SendMailPort mail, AuditTrailPort auditTrail,
                                    TransactionPort transactions, ExpiryNoticeSchedule schedule, Retries retries,
                                    Clock clock) {
        this.queue = queue;
        this.mail = mail;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.schedule = schedule;
        this.retries = retries;
        this.clock = clock;
    }

    @Override
    public int queueDueNotices() {
        Instant now = clock.instant();
        int queued = 0;
        for (NoticeQueuePort.Candidate candidate : queue.candidates(now.minus(schedule.grace()), now.plus(schedule.horizon()))) {
            Optional<ExpiryNotice> due = schedule.dueAt(new ExpiryNoticeSchedule.Subject(candidate.notAfter(),
                    candidate.active(), candidate.currentOfItsId()), now, candidate.queued());
            if (due.isEmpty() || candidate.contact().isEmpty()) {
                continue; // an ID without an address gets its notice once one is given, if it is still due
            }
            ExpiryNotice notice = due.get();
            int daysLeft = ExpiryNoticeSchedule.daysLeft(candidate.notAfter(), now);
            boolean added = transactions.inTransaction(() -> {
                if (!queue.enqueue(candidate.serial(), notice, candidate.contact().get(), candidate.notAfter(), daysLeft, now)) {
                    return false;
                }
                audit.success(ACTOR, "NOTICE_QUEUED", "certificate:" + candidate.serial(),
                        notice.key() + " for " + candidate.owner() + ", " + daysLeft + " days left");
                return true;
            });
            queued += added ? 1 : 0;
        }
        return queued;
    }

    @Override
    public int sendQueuedNotices() {
        int sent = 0;
        for (long id : queue.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            Optional<NoticeQueuePort.Queued> claimed = queue.claim(id, claimant, now, now.plus(retries.claimFor()));
            if (claimed.isPresent()) {
                sent += send(claimed.get()) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(NoticeQueuePort.Queued notice) {
        String target = "certificate:" + notice.serial();
        String what = notice.notice().key() + " for " + notice.mail().loginId();
        try {
            mail.send(notice.mail());
        } catch (SendMailPort.MailNotSentException e) {
            int attempts = notice.attempts() + 1;
            Instant now = clock.instant();
            Optional<Instant> next = attempts >= retries.maxAttempts()
                    ? Optional.empty() : Optional.of(now.plus(retries.after(attempts)));
            transactions.inTransaction(() -> {
                if (queue.markNotSent(notice.id(), claimant, attempts, next, e.getMessage())) {
                    audit.inCallerTransaction(ACTOR, next.isPresent() ? "NOTICE_DEFERRED" : "NOTICE_FAILED", target,
                            AuditEvent.FAILED, what + ", attempt " + attempts + next.map(at -> ", next at " + at)
                                    .orElse(", no more attempts") + ": " + e.getMessage());
                }
            });
            return false;
        }
        return transactions.inTransaction(() -> {
            if (!queue.markSent(notice.id(), claimant, clock.instant())) {
                return false;
            }
            audit.success(ACTOR, "NOTICE_SENT", target, what + " to " + notice.mail().recipient());
            return true;
        });
    }
}
