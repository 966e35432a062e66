package certrenewal.application.readmodel;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.ExpiryNoticeSchedule;
import java.time.Instant;

/**
 * An ACTIVE certificate expiring soon, with its contract and the last notice queued for it (the console's inventory).
 *
 * @param lastNotice the key of the last notice queued for the certificate ("before-40"), null when none was
 * @param lastNoticeState that notice's state (QUEUED, SENDING, SENT, FAILED), null when none was
 */
public record ExpiringCertificate(ContractNumber contract, String contractName, LoginId loginId, IdKind kind,
                                  SerialNumber serial, Instant notAfter, String lastNotice, String lastNoticeState) {

    /** Whole days left at {@code now}, counted as the notices count them. */
    public int daysLeft(Instant now) {
        return ExpiryNoticeSchedule.daysLeft(notAfter, now);
    }
}
