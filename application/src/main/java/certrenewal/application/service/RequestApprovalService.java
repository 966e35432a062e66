package certrenewal.application.service;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.application.port.in.console.RequestApprovalUseCase;
import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.DualControlPolicy;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records a dual-control request after the checks the direct action makes before it changes anything (the role on
 * this target, the requester's own password); the rest (the certificate still active, the ID still locked, the
 * contract still new) is checked when the action runs on approval. A contract registration's first login password is
 * hashed here, so that the request holds no password in clear.
 */
public final class RequestApprovalService implements RequestApprovalUseCase {
    static final String AUDIT_ACTION = "APPROVAL_REQUESTED";

    private final DualControlPolicy dualControl;
    private final Duration openFor;
    private final ApprovalRequestPort requests;
    private final LoadAccountPort accounts;
    private final LoadCertificatePort certificates;
    private final ConfirmationPasswords confirmations;
    private final PasswordHasherPort hasher;
    private final RetryingTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    /**
     * @param dualControl the actions under dual control
     * @param openFor how long a request may be approved (default 24 hours)
     */
    public RequestApprovalService(DualControlPolicy dualControl, Duration openFor, ApprovalRequestPort requests,
                                  LoadAccountPort accounts, LoadCertificatePort certificates,
                                  ConfirmationPasswords confirmations, PasswordHasherPort hasher,
                                  AuditTrailPort auditTrail, TransactionPort transactions, Clock clock) {
        this.dualControl = dualControl;
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("the approval deadline must be positive");
        }
        this.openFor = openFor;
        this.requests = requests;
        this.accounts = accounts;
        this.certificates = certificates;
        this.confirmations = confirmations;
        this.hasher = hasher;
        this.transactions = new RetryingTransactions(transactions);
        this.audit = new Audit(auditTrail, transactions, clock);
        this.clock = clock;
    }

    @Override
    public DualControlPolicy dualControl() {
        return dualControl;
    }

    @Override
    public ApprovalRequest request(RequestApprovalCommand command) {
        if (!dualControl.actions().contains(command.action())) {
            throw new IllegalArgumentException(command.action() + " is not under dual control");
        }
        String requester = command.requester().auditName();
        try {
            permit(command);
            if (command.action() != DualControlAction.REGISTER_CONTRACT) { // the direct registration asks none either
                confirmations.confirm(command.requester(), command.confirmationPassword());
            }
            Map<String, String> stored = new HashMap<>(command.command());
            if (command.initialLoginPassword() != null) {
                char[] characters = command.initialLoginPassword().characters();
                try {
                    stored.put(RequestApprovalCommand.LOGIN_PASSWORD_HASH, hasher.hash(characters));
                } finally {
                    java.util.Arrays.fill(characters, '\0');
                }
            }
            ApprovalRequest request = ApprovalRequest.request(command.requester(), command.action(), command.target(),
                    stored, command.reason(), clock.instant(), openFor);
            return transactions.inTransaction(() -> {
                ApprovalRequest inserted = requests.insertRequest(request);
                audit.success(requester, AUDIT_ACTION, command.target(), "request " + inserted.id() + ": "
                        + inserted.action() + ", open until " + inserted.deadline() + "; reason: " + inserted.reason());
                return inserted;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(requester, AUDIT_ACTION, command.target(), e);
        }
    }

    /** The role's check on this target, as the action makes it first. */
    private void permit(RequestApprovalCommand command) {
        Map<String, String> details = command.command();
        switch (command.action()) {
            case REVOKE_ADMINISTRATOR_CERTIFICATE -> {
                Optional<LoginAccount> owner = certificates.loadCertificate(
                        SerialNumber.ofHex(details.get(RequestApprovalCommand.SERIAL))).flatMap(c -> accounts.loadAccount(c.owner()));
                Permissions.permit(command.requester(), command.action().action(), owner, Code.UNKNOWN_CERTIFICATE);
                requireAdministrator(owner.orElseThrow());
            }
            case REISSUE_ADMINISTRATOR_ID, UNLOCK_ADMINISTRATOR_ID -> {
                Optional<LoginAccount> account = accounts.loadAccount(new LoginId(details.get(RequestApprovalCommand.LOGIN_ID)));
                Permissions.permit(command.requester(), command.action().action(), account, Code.UNKNOWN_LOGIN_ID);
                requireAdministrator(account.orElseThrow());
            }
            case REGISTER_CONTRACT -> Permissions.permit(command.requester(), command.action().action(),
                    new ContractNumber(details.get(RequestApprovalCommand.CONTRACT_NUMBER)));
        }
    }

    private static void requireAdministrator(LoginAccount account) {
        if (account.kind() != IdKind.ADMINISTRATOR) {
            throw new IllegalArgumentException("dual control covers administrator IDs only, not " + account.id());
        }
    }
}
