package certrenewal.application.port.out;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A contract administrator's digest: the contract's IDs whose certificates expire soon or expired and can still be
 * renewed, as they stood when it was queued.
 *
 * @param period "daily-2027-03-01" or "weekly-2027-03-01": one digest per contract and period
 */
public record DigestMail(long reference, EmailAddress recipient, NoticeLanguage language, LoginId loginId,
                         ContractNumber contract, String period, List<Entry> entries) implements OutgoingMail {

    /** One ID in the digest. */
    public record Entry(LoginId loginId, Instant notAfter, int daysLeft) {
        public Entry {
            Objects.requireNonNull(loginId, "login ID must not be null");
            Objects.requireNonNull(notAfter, "notAfter must not be null");
        }
    }

    public DigestMail {
        Objects.requireNonNull(recipient, "recipient must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(contract, "contract must not be null");
        Objects.requireNonNull(period, "period must not be null");
        entries = List.copyOf(entries);
    }

    public static String keyOf(String period) {
        return "digest-" + period;
    }

    @Override
    public String key() {
        return keyOf(period);
    }
}
