package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.StartRenewalUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Clock;
import java.time.Instant;

/** 電子証明書更新前処理中: the browser renewal of the authenticated ID's certificate begins. */
public final class StartRenewalService implements StartRenewalUseCase {
    private static final String ACTION = "RENEWAL_STARTED";

    private final RenewalPort renewals;
    private final TransactionPort transactions;
    private final Clock clock;
    private final Audit audit;
    private final RenewalClaims claims;
    private final OpenRenewals openRenewals;

    /** @param crl signed again when starting supersedes a renewed certificate nobody used */
    public StartRenewalService(LoadAccountPort accounts, SaveAccountPort savedAccounts, LoadCertificatePort certificates,
                               SaveCertificatePort savedCertificates, RenewalPort renewals, GetCrlUseCase crl,
                               AuditTrailPort auditTrail, TransactionPort transactions, RenewalPolicy policy,
                               Clock clock) {
        this.renewals = renewals;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.claims = new RenewalClaims(accounts, savedAccounts, certificates, renewals, new UnfinishedRenewalsCleanup(
                renewals, certificates, new Revocations(savedCertificates, transactions, crl), audit), policy);
        this.openRenewals = new OpenRenewals(renewals, transactions, policy, audit, clock);
    }

    @Override
    public Renewal.Started start(AuthenticatedId who) {
        String actor = who.loginId().value();
        try {
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                Certificate renewing = claims.claim(who, now).renewing();
                Renewal.Started started = Renewal.start(who.loginId(), renewing.serial(), now);
                renewals.insertRenewal(started);
                audit.success(actor, ACTION, "renewal:" + started.id(), "renewing certificate " + who.certificate().hex()
                        + RenewalClaims.afterExpiry(renewing, now));
                return started;
            });
        } catch (ConcurrentUpdateException e) {
            throw audit.refused(actor, ACTION, "login-id:" + actor, refusal(Code.RENEWAL_ALREADY_OPEN));
        } catch (RequestRefusedException e) {
            throw audit.refused(actor, ACTION, "login-id:" + actor, e);
        }
    }

    @Override
    public Renewal.Started startOver(AuthenticatedId who) {
        renewals.findOpenRenewal(who.loginId()).ifPresent(renewal -> {
            if (renewal instanceof Renewal.Open open) {
                try {
                    openRenewals.abandon(open, who.loginId().value(), "the customer started over");
                } catch (ConcurrentUpdateException e) {
                    // it moved on meanwhile; start() below judges what is there now
                }
            }
        });
        return start(who);
    }
}
