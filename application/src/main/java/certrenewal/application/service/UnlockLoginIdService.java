package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.DualControlPolicy;
import java.util.Optional;
import java.time.Clock;
import java.util.Objects;

/** ロック解除: a user ID by its administrator, an administrator ID by the bank, after typing their own password again. */
public final class UnlockLoginIdService implements UnlockLoginIdUseCase {
    private final LoadAccountPort accounts;
    private final SaveAccountPort savedAccounts;
    private final RetryingTransactions transactions;
    private final ConfirmationPasswords confirmations;
    private final Audit audit;

    private final DualControlPolicy dualControl;

    public UnlockLoginIdService(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                ConfirmationPasswords confirmations, AuditTrailPort auditTrail,
                                TransactionPort transactions, Clock clock) {
        this.dualControl = dualControl;
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.savedAccounts = savedAccounts;
        this.transactions = new RetryingTransactions(transactions);
        this.audit = new Audit(auditTrail, transactions, clock);
    }

    @Override
    public void unlock(Actor actor, LoginId id, char[] confirmationPassword) {
        unlock(actor, id, confirmationPassword, null);
    }

    /** @param approval its dual-control approval, claimed in the action's transaction; null for a direct action */
    void unlock(Actor actor, LoginId id, char[] confirmationPassword, DualControlApproval approval) {
        Objects.requireNonNull(actor, "actor must not be null");
        String target = "login-id:" + id;
        try {
            Optional<LoginAccount> holder = accounts.loadAccount(id);
            Permissions.permit(actor, AdministrativeAction.UNLOCK_ID, holder, Code.UNKNOWN_LOGIN_ID);
            DualControlApproval.requireIfCovered(dualControl, approval, actor, AdministrativeAction.UNLOCK_ID,
                    holder.orElseThrow().kind());
            DualControlApproval.confirmUnlessApproved(confirmations, approval, actor, confirmationPassword);
            transactions.inTransaction(() -> {
                LoginAccount account = accounts.loadAccount(id).orElseThrow(() -> refusal(Code.UNKNOWN_LOGIN_ID));
                if (account.status() != AccountStatus.LOCKED) {
                    throw refusal(Code.NOT_LOCKED);
                }
                savedAccounts.updateAccount(account.unlock());
                DualControlApproval.claimIn(approval);
                audit.success(actor.auditName(), "ID_UNLOCKED", target,
                        DualControlApproval.detail("after " + account.failedPasswordAttempts() + " wrong passwords", approval));
                return null;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(actor.auditName(), "ID_UNLOCKED", target, e);
        }
    }
}
