package certrenewal.application.port.out;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.ExpiryNotice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queue of expiry notices, shared by every node: at most one row per certificate and notice (the database's
 * unique constraint, so that two nodes queueing at once queue it once), each row claimed by one sender at a time
 * with a conditional update.
 */
public interface NoticeQueuePort {

    /** A certificate that may be due a notice, with what the rule needs and what is queued for it already. */
    record Candidate(SerialNumber serial, LoginId owner, ContractNumber contract, Instant notAfter, boolean active,
                     boolean currentOfItsId, Optional<ContactDetails> contact, Set<ExpiryNotice> queued) {
    }

    /**
     * A queued mail as stored.
     *
     * @param subject what it is about, for the audit trail: "certificate:&lt;serial&gt;" or "contract:&lt;number&gt;"
     */
    record Queued(long id, String subject, OutgoingMail mail, int attempts) {
    }

    /** Certificates whose notAfter lies in [{@code from}, {@code to}), in no particular order. */
    List<Candidate> candidates(Instant from, Instant to);

    /**
     * Queues a notice for sending at {@code now}; inside the caller's transaction.
     *
     * @return false, changing nothing, when this certificate's notice is queued already (by another node)
     */
    boolean enqueue(SerialNumber serial, ExpiryNotice notice, ContactDetails to, Instant notAfter, int daysLeft,
                    Instant now);

    /** Each contract's administrator ID's contact details, for contracts whose administrator has an address. */
    Map<ContractNumber, ContactDetails> administratorContacts();

    /**
     * Queues the digest of {@code contract} for {@code period}; inside the caller's transaction.
     *
     * @return false, changing nothing, when that period's digest is queued already
     */
    boolean enqueueDigest(ContractNumber contract, String period, ContactDetails to, List<DigestMail.Entry> entries,
                          Instant now);

    /** Up to {@code limit} rows waiting to be sent at {@code now} (queued and due, or claimed by a sender whose claim ran out). */
    List<Long> due(Instant now, int limit);

    /**
     * Claims row {@code id} for {@code claimant} until {@code until} if it is still waiting; one statement, so
     * that of two senders one gets it and the other an empty answer.
     */
    Optional<Queued> claim(long id, String claimant, Instant now, Instant until);

    /** The claimed row was sent; inside the caller's transaction. False when the claim was lost meanwhile. */
    boolean markSent(long id, String claimant, Instant at);

    /**
     * The claimed row could not be sent: back to waiting until {@code nextAttempt}, or FAILED when
     * {@code nextAttempt} is empty (no more attempts). Inside the caller's transaction.
     */
    boolean markNotSent(long id, String claimant, int attempts, Optional<Instant> nextAttempt, String error);
}
