package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.CertificateRow;
import certrenewal.application.port.in.console.CertificateSearch;
import certrenewal.application.port.in.console.ConsoleQueryUseCase;
import certrenewal.application.port.in.console.ContractDetails;
import certrenewal.application.port.in.console.DashboardFigures;
import certrenewal.application.port.in.console.LoginIdDetails;
import certrenewal.application.port.in.console.SearchPage;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** The console's read-only pages, each behind the policy: the dashboard for operators and auditors, look-ups for operators. */
public final class ConsoleQueryService implements ConsoleQueryUseCase {
    private final ConsoleQueryPort queries;
    private final ZoneId zone;
    private final Clock clock;
    private final Audit audit;

    /** @param zone where the dashboard's days and weeks begin (the bank's: Asia/Tokyo) */
    public ConsoleQueryService(ConsoleQueryPort queries, AuditTrailPort auditTrail, TransactionPort transactions,
                               ZoneId zone, Clock clock) {
        this.queries = queries;
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public DashboardFigures dashboard(Actor actor) {
        permit(actor, AdministrativeAction.VIEW_DASHBOARD, "CONSOLE_DASHBOARD", "console:dashboard");
        return queries.dashboard(clock.instant(), zone);
    }

    @Override
    public SearchPage<CertificateRow> search(Actor actor, CertificateSearch search) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "console:search");
        return queries.search(search, clock.instant());
    }

    @Override
    public Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "login-id:" + loginId);
        return queries.loginIdDetails(loginId, clock.instant());
    }

    @Override
    public Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "contract:" + contract);
        return queries.contractDetails(contract, clock.instant());
    }

    @Override
    public Optional<LoginId> ownerOf(Actor actor, SerialNumber serial) {
        permit(actor, AdministrativeAction.SEARCH, "CONSOLE_SEARCH", "certificate:" + serial.hex());
        return queries.ownerOf(serial);
    }

    private void permit(Actor actor, AdministrativeAction action, String auditAction, String target) {
        AdministrationPolicy.check(actor, action, null, null).ifPresent(rejection -> {
            throw audit.refused(actor.auditName(), auditAction, target, new RequestRefusedException(rejection));
        });
    }
}
