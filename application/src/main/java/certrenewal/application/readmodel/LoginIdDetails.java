package certrenewal.application.readmodel;

import certrenewal.domain.account.ContractNumber;
import java.util.List;

/** A login ID's detail page: the ID, its contract, its certificate history (newest first) and renewal attempts (newest first). */
public record LoginIdDetails(LoginIdSummary id, ContractNumber contract, String contractName,
                             List<CertificateSummary> certificates, List<RenewalAttempt> renewals) {
}
