package certrenewal.application.readmodel;

import java.time.Instant;

/**
 * One expiry notice or digest of a login ID as the queue holds it, for the console.
 *
 * @param notice "before-40", "on-expiry", "digest-weekly-2027-03-01"
 * @param subject "certificate:&lt;serial&gt;" or "contract:&lt;number&gt;"
 * @param state QUEUED, SENDING, SENT or FAILED
 * @param sentAt null until sent
 * @param lastError the mail server's last refusal, or null
 */
public record NoticeRecord(String notice, String subject, String recipient, String state, int attempts,
                           Instant queuedAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
}
