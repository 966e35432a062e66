package certrenewal.application.service;

import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Clock;
import java.util.Optional;

/** The operators' look-ups in the console: certificate search and the detail pages, computed by the database. */
public final class SearchRecordsService implements SearchRecordsUseCase {
    private static final String ACTION = "CONSOLE_SEARCH";

    private final ConsoleQueryPort queries;
    private final Clock clock;
    private final Audit audit;

    public SearchRecordsService(ConsoleQueryPort queries, AuditTrailPort auditTrail, TransactionPort transactions,
                                Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public SearchPage<CertificateSummary> search(Actor actor, CertificateSearch search) {
        permit(actor, "console:search");
        return queries.search(search, clock.instant());
    }

    @Override
    public Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId) {
        permit(actor, "login-id:" + loginId);
        return queries.loginIdDetails(loginId, clock.instant());
    }

    @Override
    public Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract) {
        permit(actor, "contract:" + contract);
        return queries.contractDetails(contract, clock.instant());
    }

    @Override
    public Optional<LoginId> ownerOf(Actor actor, SerialNumber serial) {
        permit(actor, "certificate:" + serial.hex());
        return queries.ownerOf(serial);
    }

    private void permit(Actor actor, String target) {
        Permissions.permit(actor, AdministrativeAction.SEARCH, audit, ACTION, target);
    }
}
