package certrenewal.application.service;

import certrenewal.application.port.in.console.ListExpiringCertificatesUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ExpiringCertificatesPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.application.readmodel.ExpiringCertificates;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The certificates expiring in the next days, for those who see the dashboard (operators and auditors). */
public final class ListExpiringCertificatesService implements ListExpiringCertificatesUseCase {
    private final ExpiringCertificatesPort certificates;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Audit audit;

    public ListExpiringCertificatesService(ExpiringCertificatesPort certificates, AuditTrailPort auditTrail,
                                           TransactionPort transactions, Clock clock) {
        this.certificates = certificates;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public ExpiringCertificates export(Actor actor, int days, int limit) {
        ExpiringCertificates exported = expiring(actor, days, limit);
        transactions.inTransaction(() -> audit.success(actor.auditName(), "INVENTORY_EXPORTED", "console:inventory",
                days + " days, " + exported.rows().size() + " certificates"
                        + (exported.truncated() ? " (cut at the limit)" : "")));
        return exported;
    }

    @Override
    public ExpiringCertificates expiring(Actor actor, int days, int limit) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be " + MIN_DAYS + ".." + MAX_DAYS + ": " + days);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        Permissions.permit(actor, AdministrativeAction.VIEW_DASHBOARD, audit, "CONSOLE_INVENTORY", "console:inventory");
        Instant now = clock.instant();
        // one more than asked tells whether there are more
        List<ExpiringCertificate> rows = certificates.expiringBetween(now, now.plus(Duration.ofDays(days)), limit + 1);
        return new ExpiringCertificates(days, now, rows.size() > limit ? rows.subList(0, limit) : rows, rows.size() > limit);
    }
}
