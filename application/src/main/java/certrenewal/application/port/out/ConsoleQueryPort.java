package certrenewal.application.port.out;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries for the administration screens and the console, computed by the database
 * (aggregates, paging, sorting). {@code now} decides which ACTIVE certificates count as EXPIRED;
 * {@code zone} where days and weeks begin.
 */
public interface ConsoleQueryPort {
    DashboardFigures dashboard(Instant now, ZoneId zone);

    SearchPage<CertificateSummary> search(CertificateSearch search, Instant now);

    List<LoginIdSummary> loginIdsOf(ContractNumber contract, Instant now);

    Optional<LoginIdDetails> loginIdDetails(LoginId loginId, Instant now);

    Optional<ContractDetails> contractDetails(ContractNumber contract, Instant now);

    Optional<LoginId> ownerOf(SerialNumber serial);
}
