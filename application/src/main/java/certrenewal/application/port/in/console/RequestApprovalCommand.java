package certrenewal.application.port.in.console;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Map;
import java.util.Objects;

/**
 * A console action asked for under dual control, with the requester's reason and own password (typed again, as for
 * the action itself; none for a contract registration, as its direct form asks none). Built by one factory per action.
 *
 * @param target what the action is done to, as the audit trail names it
 * @param command what the action needs to run later, by name (never a password)
 * @param initialLoginPassword contract registration only: the administrator's first login password, hashed at the
 *     request and never stored in clear; null otherwise
 */
public record RequestApprovalCommand(Actor.Staff requester, DualControlAction action, String target,
                                     Map<String, String> command, LoginPassword initialLoginPassword, String reason,
                                     char[] confirmationPassword) {
    public static final String SERIAL = "serial";
    public static final String REVOCATION_REASON = "revocationReason";
    public static final String LOGIN_ID = "loginId";
    public static final String CONTRACT_NUMBER = "contractNumber";
    public static final String CONTRACT_NAME = "contractName";
    public static final String ADMINISTRATOR = "administrator";
    /** Contract registration: where the administrator ID's notices go, and in which language (not secrets). */
    public static final String CONTACT_ADDRESS = "contactAddress";
    public static final String NOTICE_LANGUAGE = "noticeLanguage";
    /** Added by the request's use case: the hash of {@link #initialLoginPassword()}. */
    public static final String LOGIN_PASSWORD_HASH = "loginPasswordHash";

    public RequestApprovalCommand {
        Objects.requireNonNull(requester, "requester must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(target, "target must not be null");
        command = Map.copyOf(command);
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(confirmationPassword, "confirmation password must not be null");
        if ((action == DualControlAction.REGISTER_CONTRACT) != (initialLoginPassword != null)) {
            throw new IllegalArgumentException("an initial login password goes with a contract registration only");
        }
    }

    public static RequestApprovalCommand revoke(Actor.Staff requester, SerialNumber serial, RevocationReason revocation,
                                                String reason, char[] confirmationPassword) {
        if (revocation == RevocationReason.SUPERSEDED) {
            throw new IllegalArgumentException("superseded is set by renewal and re-issue, not chosen");
        }
        return new RequestApprovalCommand(requester, DualControlAction.REVOKE_ADMINISTRATOR_CERTIFICATE,
                "certificate:" + serial.hex(), Map.of(SERIAL, serial.hex(), REVOCATION_REASON, revocation.name()), null,
                reason, confirmationPassword);
    }

    /** {@code action} is REISSUE_ADMINISTRATOR_ID or UNLOCK_ADMINISTRATOR_ID. */
    public static RequestApprovalCommand onLoginId(Actor.Staff requester, DualControlAction action, LoginId id,
                                                   String reason, char[] confirmationPassword) {
        if (action != DualControlAction.REISSUE_ADMINISTRATOR_ID && action != DualControlAction.UNLOCK_ADMINISTRATOR_ID) {
            throw new IllegalArgumentException(action + " is not an action on a login ID");
        }
        return new RequestApprovalCommand(requester, action, "login-id:" + id, Map.of(LOGIN_ID, id.value()), null,
                reason, confirmationPassword);
    }

    /** Without the requester's password, as the direct registration asks none (it shows a confirmation dialog). */
    public static RequestApprovalCommand register(Actor.Staff requester, Contract contract, LoginId administrator,
                                                  LoginPassword initialLoginPassword, EmailAddress contactAddress,
                                                  NoticeLanguage noticeLanguage, String reason) {
        Objects.requireNonNull(contactAddress, "contact address must not be null");
        Objects.requireNonNull(noticeLanguage, "notice language must not be null");
        return new RequestApprovalCommand(requester, DualControlAction.REGISTER_CONTRACT,
                "contract:" + contract.number(), Map.of(CONTRACT_NUMBER, contract.number().value(),
                CONTRACT_NAME, contract.name(), ADMINISTRATOR, administrator.value(),
                CONTACT_ADDRESS, contactAddress.value(), NOTICE_LANGUAGE, noticeLanguage.tag()),
                Objects.requireNonNull(initialLoginPassword, "initial login password must not be null"), reason,
                new char[0]);
    }

    @Override
    public String toString() {
        return "RequestApprovalCommand[" + requester.auditName() + ", " + action + ", " + target + "]";
    }
}
