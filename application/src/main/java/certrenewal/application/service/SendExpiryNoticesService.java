package certrenewal.application.service;

import certrenewal.application.port.in.SendExpiryNoticesUseCase;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.DigestMail;
import certrenewal.application.port.out.NoticeQueuePort;
import certrenewal.application.port.out.SendMailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.DigestFrequency;
import certrenewal.domain.notice.ExpiryNotice;
import certrenewal.domain.notice.ExpiryNoticeSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues each certificate's expiry notice when {@link ExpiryNoticeSchedule} says it is due, and each contract
 * administrator's digest of its IDs in the window once per period ({@link DigestFrequency}, days in {@code zone}),
 * then sends the queue.
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
    private final DigestFrequency digests;
    private final ZoneId zone;
    private final Clock clock;
    /** Names this sender's claims: one per instance, so two nodes (or two instances in a test) never share one. */
    private final String claimant = UUID.randomUUID().toString();

    public SendExpiryNoticesService(NoticeQueuePort queue, SendMailPort mail, AuditTrailPort auditTrail,
                                    TransactionPort transactions, ExpiryNoticeSchedule schedule, Retries retries,
                                    DigestFrequency digests, ZoneId zone, Clock clock) {
        this.queue = queue;
        this.mail = mail;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.schedule = schedule;
        this.retries = retries;
        this.digests = digests;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public int queueDueNotices() {
        Instant now = clock.instant();
        List<NoticeQueuePort.Candidate> candidates = queue.candidates(now.minus(schedule.grace()),
                now.plus(schedule.horizon()));
        return queueNotices(candidates, now) + queueDigests(candidates, now);
    }

    private int queueNotices(List<NoticeQueuePort.Candidate> candidates, Instant now) {
        int queued = 0;
        for (NoticeQueuePort.Candidate candidate : candidates) {
            Optional<ExpiryNotice> due = schedule.dueAt(subject(candidate), now, candidate.queued());
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

    /** One digest per contract and period, for contracts with IDs in the window and an administrator's address. */
    private int queueDigests(List<NoticeQueuePort.Candidate> candidates, Instant now) {
        Optional<String> period = digests.periodOf(LocalDate.ofInstant(now, zone));
        if (period.isEmpty()) {
            return 0;
        }
        Map<ContractNumber, List<DigestMail.Entry>> byContract = new TreeMap<>(Comparator.comparing(ContractNumber::value));
        for (NoticeQueuePort.Candidate candidate : candidates) {
            if (schedule.inDigestAt(subject(candidate), now)) {
                byContract.computeIfAbsent(candidate.contract(), c -> new ArrayList<>()).add(new DigestMail.Entry(
                        candidate.owner(), candidate.notAfter(), ExpiryNoticeSchedule.daysLeft(candidate.notAfter(), now)));
            }
        }
        if (byContract.isEmpty()) {
            return 0;
        }
        Map<ContractNumber, ContactDetails> administrators = queue.administratorContacts();
        int queued = 0;
        for (Map.Entry<ContractNumber, List<DigestMail.Entry>> contract : byContract.entrySet()) {
            ContactDetails to = administrators.get(contract.getKey());
            if (to == null) {
                continue;
            }
            List<DigestMail.Entry> entries = contract.getValue().stream()
                    .sorted(Comparator.comparing(DigestMail.Entry::notAfter)).toList();
            boolean added = transactions.inTransaction(() -> {
                if (!queue.enqueueDigest(contract.getKey(), period.get(), to, entries, now)) {
                    return false;
                }
                audit.success(ACTOR, "NOTICE_QUEUED", "contract:" + contract.getKey(), DigestMail.keyOf(period.get())
                        + " for " + to.loginId() + ", " + entries.size() + " IDs");
                return true;
            });
            queued += added ? 1 : 0;
        }
        return queued;
    }

    private static ExpiryNoticeSchedule.Subject subject(NoticeQueuePort.Candidate candidate) {
        return new ExpiryNoticeSchedule.Subject(candidate.notAfter(), candidate.active(), candidate.currentOfItsId());
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
        String target = notice.subject();
        String what = notice.mail().key() + " for " + notice.mail().loginId();
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
