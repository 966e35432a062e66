package certrenewal.application.readmodel;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;

/** A certificate in search results and history lists; status already accounts for expiry. */
public record CertificateSummary(SerialNumber serial, LoginId loginId, ContractNumber contract, String contractName,
                             CertificateStatus status, Instant notBefore, Instant notAfter, Instant revokedAt,
                             RevocationReason revocationReason) {
}
