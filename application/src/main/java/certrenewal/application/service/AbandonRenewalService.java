package certrenewal.application.service;

import certrenewal.application.port.in.AbandonRenewalUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * いいえ, or leaving: the open renewal ends and the old certificate stays. Declined at the second
 * confirmation, the new certificate was never saved, so it is revoked unused.
 */
public final class AbandonRenewalService implements AbandonRenewalUseCase {
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Audit audit;
    private final OpenRenewals openRenewals;
    private final Revocations revocations;

    /** @param crl signed again when a declined certificate is revoked */
    public AbandonRenewalService(LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                 RenewalPort renewals, GetCrlUseCase crl, AuditTrailPort auditTrail,
                                 TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        this.certificates = certificates;
        this.renewals = renewals;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.openRenewals = new OpenRenewals(renewals, transactions, policy, audit, clock);
        this.revocations = new Revocations(savedCertificates, transactions, crl);
    }

    @Override
    public void abandon(RenewalId id, AuthenticatedId who, String reason) {
        Renewal renewal = renewals.loadRenewal(id).filter(r -> r.loginId().equals(who.loginId())).orElse(null);
        if (renewal instanceof Renewal.Issued issued) {
            decline(issued, who, reason);
            return;
        }
        openRenewals.abandon(openRenewals.ofCaller(id, who), who.loginId().value(), reason);
    }

    private void decline(Renewal.Issued issued, AuthenticatedId who, String reason) {
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Renewal.Abandoned declined = issued.decline(reason, now);
            renewals.updateRenewal(declined);
            certificates.loadCertificate(issued.newSerial())
                    .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                    .ifPresent(c -> revocations.revoke(c, RevocationReason.CESSATION_OF_OPERATION, now));
            audit.success(who.loginId().value(), "RENEWAL_ABANDONED", "renewal:" + declined.id(),
                    reason + "; unused certificate " + issued.newSerial().hex() + " revoked");
        });
    }
}
