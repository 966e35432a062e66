package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.console.DecideApprovalUseCase;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Approves or rejects a dual-control request. On approval the action runs through its own service as the approver,
 * with the approver's password and the action's checks as of now, and claims the request (one conditional update, so
 * that two approvers cannot both run it) inside the action's own transaction: the action, the request's APPROVED state
 * and both audit records commit together or not at all. Its audit record names requester and approver. When the
 * action refuses, it changed nothing and the request becomes FAILED with the refusal's code; when it fails otherwise
 * (the database, say), the request stays pending.
 */
public final class DecideApprovalService implements DecideApprovalUseCase {
    static final String APPROVED = "APPROVAL_APPROVED";
    static final String REJECTED = "APPROVAL_REJECTED";
    static final String FAILED = "APPROVAL_FAILED";

    private final ApprovalRequestPort requests;
    private final ConfirmationPasswords confirmations;
    private final RevokeCertificateService revoke;
    private final ReissueCertificateService reissue;
    private final UnlockLoginIdService unlock;
    private final OpenContractService open;
    private final TransactionPort transactions;
    private final Audit audit;
    private final Clock clock;

    public DecideApprovalService(ApprovalRequestPort requests, ConfirmationPasswords confirmations,
                                 RevokeCertificateService revoke, ReissueCertificateService reissue,
                                 UnlockLoginIdService unlock, OpenContractService open, AuditTrailPort auditTrail,
                                 TransactionPort transactions, Clock clock) {
        this.requests = requests;
        this.confirmations = confirmations;
        this.revoke = revoke;
        this.reissue = reissue;
        this.unlock = unlock;
        this.open = open;
        this.transactions = transactions;
        this.audit = new Audit(auditTrail, transactions, clock);
        this.clock = clock;
    }

    @Override
    public Approval approve(Actor.Staff approver, long id, char[] confirmationPassword) {
        ApprovalRequest request = load(id);
        String target = "approval:" + id;
        ApprovalRequest approved;
        try {
            Instant now = clock.instant();
            request.decisionRefused(approver, now).ifPresent(Refusals::refuse);
            confirmations.confirm(approver, confirmationPassword);
            approved = request.approved(approver, now);
        } catch (RequestRefusedException e) {
            throw audit.refused(approver.auditName(), APPROVED, target, e);
        }
        // claimed in the action's own transaction: approved and done commit together, or neither
        DualControlApproval approval = new DualControlApproval(approved.auditDetail(), () -> {
            if (!requests.updateRequest(approved, ApprovalRequest.State.PENDING)) {
                throw refusal(Code.APPROVAL_DECIDED);
            }
            audit.success(approver.auditName(), APPROVED, target, request.action() + " on " + request.target()
                    + ", requested by staff:" + request.requester());
        });
        try {
            return new Approval(approved, run(approved, approver, confirmationPassword, approval));
        } catch (RequestRefusedException e) {
            Code code = e.rejection().code();
            if (code == Code.APPROVAL_DECIDED) { // another decision got there first: the action rolled back
                throw audit.refused(approver.auditName(), APPROVED, target, e);
            }
            // the action refused before or inside its transaction: nothing changed, the request is still pending
            ApprovalRequest failed = request.failed(approver, approved.decidedAt(), code.name());
            boolean recorded = transactions.inTransaction(() -> {
                if (!requests.updateRequest(failed, ApprovalRequest.State.PENDING)) {
                    return false;
                }
                audit.success(approver.auditName(), FAILED, target, request.action() + " on " + request.target()
                        + " refused: " + code + "; " + failed.auditDetail());
                return true;
            });
            if (!recorded) {
                throw audit.refused(approver.auditName(), APPROVED, target, refusal(Code.APPROVAL_DECIDED));
            }
            return new Approval(failed, Optional.empty());
        }
    }

    /** Runs the approved action as {@code approver}; it claims {@code approval} in its transaction. */
    private Optional<IssuancePassword> run(ApprovalRequest approved, Actor.Staff approver, char[] password,
                                           DualControlApproval approval) {
        Map<String, String> command = approved.command();
        return switch (approved.action()) {
            case REVOKE_ADMINISTRATOR_CERTIFICATE -> {
                revoke.revoke(new RevokeCertificateCommand(approver,
                        SerialNumber.ofHex(command.get(RequestApprovalCommand.SERIAL)),
                        RevocationReason.valueOf(command.get(RequestApprovalCommand.REVOCATION_REASON)), password), approval);
                yield Optional.empty();
            }
            case REISSUE_ADMINISTRATOR_ID -> Optional.of(reissue.reissue(new ReissueCertificateCommand(approver,
                    new LoginId(command.get(RequestApprovalCommand.LOGIN_ID)), password), approval));
            case UNLOCK_ADMINISTRATOR_ID -> {
                unlock.unlock(approver, new LoginId(command.get(RequestApprovalCommand.LOGIN_ID)), password, approval);
                yield Optional.empty();
            }
            case REGISTER_CONTRACT -> Optional.of(open.openApproved(approver,
                    new Contract(new ContractNumber(command.get(RequestApprovalCommand.CONTRACT_NUMBER)),
                            command.get(RequestApprovalCommand.CONTRACT_NAME)),
                    new LoginId(command.get(RequestApprovalCommand.ADMINISTRATOR)),
                    command.get(RequestApprovalCommand.LOGIN_PASSWORD_HASH), contactOf(command), approval));
        };
    }

    /** The administrator ID's contact details a registration request carries (none in requests made before they did). */
    private static Optional<ContactDetails> contactOf(Map<String, String> command) {
        return EmailAddress.parse(command.get(RequestApprovalCommand.CONTACT_ADDRESS)).map(address -> new ContactDetails(
                new LoginId(command.get(RequestApprovalCommand.ADMINISTRATOR)), address,
                NoticeLanguage.parse(command.get(RequestApprovalCommand.NOTICE_LANGUAGE)).orElse(NoticeLanguage.DEFAULT)));
    }

    @Override
    public ApprovalRequest reject(Actor.Staff rejecter, long id, String why) {
        String reason = why == null ? "" : why.strip();
        if (reason.isEmpty() || reason.length() > ApprovalRequest.MAX_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + ApprovalRequest.MAX_REASON + " characters is needed");
        }
        ApprovalRequest request = load(id);
        String target = "approval:" + id;
        try {
            Instant now = clock.instant();
            request.decisionRefused(rejecter, now).ifPresent(Refusals::refuse);
            ApprovalRequest rejected = request.rejected(rejecter, now, reason);
            return transactions.inTransaction(() -> {
                if (!requests.updateRequest(rejected, ApprovalRequest.State.PENDING)) {
                    throw refusal(Code.APPROVAL_DECIDED);
                }
                audit.success(rejecter.auditName(), REJECTED, target, request.action() + " on " + request.target()
                        + ", requested by staff:" + request.requester() + "; reason: " + reason);
                return rejected;
            });
        } catch (RequestRefusedException e) {
            throw audit.refused(rejecter.auditName(), REJECTED, target, e);
        }
    }

    private ApprovalRequest load(long id) {
        return requests.loadRequest(id).orElseThrow(() -> new IllegalArgumentException("no approval request " + id));
    }
}
