package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.administration.DualControlPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 失効: a customer administrator revokes a user ID's certificate, an operator any certificate, each
 * after typing their own password again. A renewed certificate not used yet goes with the current
 * one, so that it cannot become current at its first use.
 */
public final class RevokeCertificateService implements RevokeCertificateUseCase {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final LoadCertificatePort certificates;
    private final RenewalPort renewals;
    private final ConfirmationPasswords confirmations;
    private final Revocations revocations;
    private final UnfinishedRenewalsCleanup unfinished;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** @param crl signed again once a revocation has committed */
    private final DualControlPolicy dualControl;

    public RevokeCertificateService(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                    LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                    RenewalPort renewals, ConfirmationPasswords confirmations,
                                    GetCrlUseCase crl, AuditTrailPort auditTrail,
                                    TransactionPort transactions, Clock clock) {
        this.dualControl = dualControl;
        this.accounts = accounts;
        this.savedAccounts = savedAccounts;
        this.certificates = certificates;
        this.renewals = renewals;
        this.confirmations = confirmations;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.revocations = new Revocations(savedCertificates, transactions, crl);
        this.unfinished = new UnfinishedRenewalsCleanup(renewals, certificates, revocations, audit);
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
    }

    @Override
    public void revoke(RevokeCertificateCommand command) {
        revoke(command, null);
    }

    /** @param approval its dual-control approval, claimed in the action's transaction; null for a direct action */
    void revoke(RevokeCertificateCommand command, DualControlApproval approval) {
        Actor actor = command.actor();
        SerialNumber serial = command.serial();
        String target = "certificate:" + serial.hex();
        try {
            Optional<LoginAccount> owner = certificates.loadCertificate(serial).flatMap(c -> accounts.loadAccount(c.owner()));
            Permissions.permit(actor, AdministrativeAction.REVOKE_CERTIFICATE, owner, Code.UNKNOWN_CERTIFICATE);
            DualControlApproval.requireIfCovered(dualControl, approval, actor, AdministrativeAction.REVOKE_CERTIFICATE,
                    owner.orElseThrow().kind());
            DualControlApproval.confirmUnlessApproved(confirmations, approval, actor, command.confirmationPassword());
            transactions.inTransaction(() -> {
                Instant now = clock.instant();
                Certificate certificate = certificates.loadCertificate(serial)
                        .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
                certificate.refusalAt(now).ifPresent(Refusals::refuse);
                LoginAccount account = accounts.loadAccount(certificate.owner())
                        .orElseThrow(() -> refusal(Code.UNKNOWN_CERTIFICATE));
                revocations.revoke(certificate, command.reason(), now);
                List<SerialNumber> alsoRevoked = List.of();
                if (account.currentCertificateSerial().filter(serial::equals).isPresent()) {
                    // a renewed certificate not used yet would otherwise become current at its first use
                    alsoRevoked = unfinished.end(account.id(), command.reason(), "the current certificate was revoked",
                            actor.auditName(), now);
                    savedAccounts.updateAccount(account); // claims the ID against a parallel renewal or confirmation
                } else {
                    renewals.findUnconfirmedRenewalIssuing(serial).ifPresent(renewal -> renewals.updateRenewal(
                            renewal.decline("its new certificate was revoked", now)));
                }
                DualControlApproval.claimIn(approval);
                audit.success(actor.auditName(), "CERTIFICATE_REVOKED", target, DualControlApproval.detail("login ID "
                        + certificate.owner() + ", reason " + command.reason() + (alsoRevoked.isEmpty() ? ""
                        : "; unused renewed certificate " + hexList(alsoRevoked) + " revoked too"), approval));
                return null;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "CERTIFICATE_REVOKED", target, e);
        }
    }

    static String hexList(List<SerialNumber> serials) {
        return serials.stream().map(SerialNumber::hex).collect(Collectors.joining(", "));
    }
}
