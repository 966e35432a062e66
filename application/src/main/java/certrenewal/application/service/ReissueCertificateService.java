package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.administration.DualControlPolicy;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 再発行: the ID's certificate is superseded (and any renewed one not used yet), and a one-time
 * issuance password lets the ID obtain a new one on its new PC. User IDs by their administrator,
 * administrator IDs by the bank. The holder must then change the login password at the next login.
 */
public final class ReissueCertificateService implements ReissueCertificateUseCase {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final LoadCertificatePort certificates;
    private final PasswordPort passwords;
    private final ConfirmationPasswords confirmations;
    private final IssuanceGrants grants;
    private final Revocations revocations;
    private final UnfinishedRenewalsCleanup unfinished;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    /**
     * @param pickupPeriod how long the issuance password can be used (default 80 days)
     * @param crl signed again once the superseded certificate's revocation has committed
     */
    private final DualControlPolicy dualControl;

    public ReissueCertificateService(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                     LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                     RenewalPort renewals, PasswordPort passwords, ConfirmationPasswords confirmations,
                                     PasswordHasherPort hasher, IssuanceGrantPort grants, Duration pickupPeriod,
                                     GetCrlUseCase crl, AuditTrailPort auditTrail, TransactionPort transactions,
                                     Clock clock) {
        this.dualControl = dualControl;
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.certificates = certificates;
        this.passwords = passwords;
        this.confirmations = confirmations;
        this.grants = new IssuanceGrants(grants, hasher, pickupPeriod);
        this.audit = new Audit(auditTrail, transactions, clock);
        this.revocations = new Revocations(savedCertificates, transactions, crl);
        this.unfinished = new UnfinishedRenewalsCleanup(renewals, certificates, revocations, audit);
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
    }

    @Override
    public IssuancePassword reissue(ReissueCertificateCommand command) {
        return reissue(command, null);
    }

    /** @param approval its dual-control approval, claimed in the action's transaction; null for a direct action */
    IssuancePassword reissue(ReissueCertificateCommand command, DualControlApproval approval) {
        Actor actor = command.actor();
        LoginId id = command.target();
        String target = "login-id:" + id;
        try {
            Optional<LoginAccount> holder = accounts.loadAccount(id);
            Permissions.permit(actor, AdministrativeAction.REISSUE_CERTIFICATE, holder, Code.UNKNOWN_LOGIN_ID);
            DualControlApproval.requireIfCovered(dualControl, approval, actor, AdministrativeAction.REISSUE_CERTIFICATE,
                    holder.orElseThrow().kind());
            DualControlApproval.confirmUnlessApproved(confirmations, approval, actor, command.confirmationPassword());
            IssuanceGrants.NewPassword password = grants.newPassword();
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                LoginAccount account = accounts.loadAccount(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
                if (account.status() == AccountStatus.REVOKED) {
                    throw refusal(Code.ID_REVOKED);
                }
                List<SerialNumber> superseded = new ArrayList<>();
                account.currentCertificateSerial().flatMap(certificates::loadCertificate)
                        .filter(c -> c.statusAt(now) == CertificateStatus.ACTIVE)
                        .ifPresent(current -> {
                            revocations.revoke(current, RevocationReason.SUPERSEDED, now);
                            superseded.add(current.serial());
                        });
                superseded.addAll(unfinished.end(id, RevocationReason.SUPERSEDED, "the certificate was re-issued",
                        actor.auditName(), now));
                savedAccounts.updateAccount(account.withoutCertificate());
                // whoever re-issued may know the login password too: the holder changes it at the next login
                passwords.savePasswordState(id, passwords.loadPasswordState(id).orElse(PasswordState.INITIAL)
                        .handedOutBy(actor));
                IssuancePassword issued = grants.grant(id, password, now);
                DualControlApproval.claimIn(approval);
                audit.success(actor.auditName(), "CERTIFICATE_REISSUED", target, DualControlApproval.detail(
                        (superseded.isEmpty() ? "no active certificate" : "superseded " + RevokeCertificateService.hexList(superseded))
                                + "; issuance password valid until " + issued.deadline(), approval));
                return issued;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "CERTIFICATE_REISSUED", target, e);
        }
    }
}
