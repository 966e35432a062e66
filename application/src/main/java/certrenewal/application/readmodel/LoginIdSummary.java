package certrenewal.application.readmodel;

import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;

/**
 * A login ID as 利用者管理 and the console list it.
 *
 * @param serial the current certificate's serial; null when the ID holds none (e.g. after re-issue)
 * @param certificateStatus null when the ID holds no certificate
 * @param notAfter null when the ID holds no certificate
 * @param issuancePending whether an unused issuance password is waiting for the ID
 */
public record LoginIdSummary(LoginId loginId, IdKind kind, AccountStatus status, int failedPasswordAttempts,
                             SerialNumber serial, CertificateStatus certificateStatus, Instant notAfter,
                             boolean issuancePending) {
}
