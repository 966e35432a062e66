package certrenewal.application.port.out;

import certrenewal.application.port.in.admin.LoginIdSummary;
import certrenewal.application.port.in.console.CertificateRow;
import certrenewal.application.port.in.console.CertificateSearch;
import certrenewal.application.port.in.console.ContractDetails;
import certrenewal.application.port.in.console.DashboardFigures;
import certrenewal.application.port.in.console.LoginIdDetails;
import certrenewal.application.port.in.console.SearchPage;
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

    SearchPage<CertificateRow> search(CertificateSearch search, Instant now);

    List<LoginIdSummary> loginIdsOf(ContractNumber contract, Instant now);

    Optional<LoginIdDetails> loginIdDetails(LoginId loginId, Instant now);

    Optional<ContractDetails> contractDetails(ContractNumber contract, Instant now);

    Optional<LoginId> ownerOf(SerialNumber serial);
}
