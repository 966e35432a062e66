package certrenewal.domain;

import java.util.Objects;

/**
 * Why a request was refused, as a code that screens translate and a plain English sentence
 * that protocol clients (EST) receive as it is.
 */
public record Rejection(Code code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    public static Rejection of(Code code) {
        return new Rejection(code, code.defaultMessage);
    }

    public static Rejection of(Code code, String message) {
        return new Rejection(code, message);
    }

    public enum Code {
        NO_CLIENT_CERTIFICATE("No client certificate was presented."),
        UNKNOWN_CERTIFICATE("The client certificate was not issued by this bank."),
        CERTIFICATE_REVOKED("The client certificate has been revoked."),
        CERTIFICATE_SUPERSEDED("The client certificate has been replaced by a renewed one; use the new certificate."),
        CERTIFICATE_EXPIRED("The client certificate has expired."),
        CERTIFICATE_NOT_CURRENT("The client certificate is not the current certificate of its login ID."),
        ID_LOCKED("The login ID is locked."),
        ID_REVOKED("The login ID has been withdrawn."),
        NOT_PERMITTED("You are not permitted to do this."),
        WRONG_CONFIRMATION_PASSWORD("The confirmation password is wrong."),
        WRONG_ISSUANCE_PASSWORD("The issuance password is wrong, has expired or has been used."),
        PICKUP_REFUSED("The login ID, the login password or the issuance password was not accepted."),
        PICKUP_THROTTLED("Too many failed attempts for this login ID: please wait before trying again."),
        NOT_LOCKED("The login ID is not locked."),
        NO_CERTIFICATE("The login ID holds no certificate."),
        UNKNOWN_LOGIN_ID("The login ID is not known."),
        WRONG_CREDENTIALS("The login ID, the password or the certificate was not accepted."),
        PASSWORD_TOO_SHORT("A login password needs at least " + certrenewal.domain.account.LoginPassword.MIN_LENGTH + " characters."),
        PASSWORD_TOO_LONG("A login password may have at most " + certrenewal.domain.account.LoginPassword.MAX_LENGTH + " characters."),
        PASSWORD_CONTAINS_NAME("A login password must not contain the login ID or account name."),
        PASSWORD_RECENTLY_USED("The new password must differ from the last " + certrenewal.domain.account.LoginPassword.REMEMBERED_PASSWORDS + " passwords."),
        CERTIFICATE_OF_ANOTHER_ID("The client certificate does not belong to this login ID."),
        LOGIN_ID_EXISTS("The login ID is already registered."),
        UNKNOWN_CONTRACT("The contract is not known."),
        CONTRACT_EXISTS("The contract is already registered."),
        ALREADY_HAS_CERTIFICATE("The login ID already holds a certificate; renew or re-issue it instead."),
        OUTSIDE_RENEWAL_WINDOW("The certificate cannot be renewed yet: the renewal period has not started."),
        RENEWAL_ALREADY_OPEN("A renewal of this certificate is already in progress."),
        RENEWAL_NOT_FOUND("There is no renewal in progress."),
        RENEWAL_TIMED_OUT("The renewal took too long and was abandoned; please start again."),
        MALFORMED_REQUEST("The certificate request could not be read."),
        BAD_REQUEST_SIGNATURE("The certificate request's signature does not verify."),
        KEY_NOT_ACCEPTED("The key in the certificate request is not accepted."),
        KEY_ALREADY_CERTIFIED("The key in the certificate request is already certified for another login ID; make a new key."),
        KEY_COMPROMISED("The key in the certificate request was revoked as compromised; make a new key."),
        ISSUANCE_LIMIT_REACHED("This login ID has received as many certificates as allowed in 24 hours; try again later."),
        ISSUANCE_FAILED("The certificate could not be issued; the current certificate stays valid."),
        NEW_PASSWORDS_DIFFER("The new password and its repetition differ."),
        PASSWORD_CHANGE_REQUIRED("Change the login password first: it was chosen by someone else."),
        EXPIRED_REISSUE_BY_ADMINISTRATOR("The client certificate has expired and can no longer be renewed; ask your administrator to re-issue it."),
        EXPIRED_REISSUE_BY_BANK("The client certificate has expired and can no longer be renewed; ask the bank to re-issue it."),

        STAFF_ACCOUNT_EXISTS("A staff account by that name already exists."),
        UNKNOWN_STAFF_ACCOUNT("The staff account is not known."),
        INVALID_STAFF_USERNAME("A staff username has 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'."),
        OWN_STAFF_ACCOUNT("Nobody manages their own staff account; ask another security administrator."),
        LAST_SECURITY_ADMINISTRATOR("The last active security administrator cannot be disabled or lose the role."),
        STAFF_ACCOUNT_UNCHANGED("The staff account is already in that state."),
        STAFF_ACCOUNT_DISABLED("The staff account is disabled: enable it before issuing it a certificate."),
        WRONG_CURRENT_PASSWORD("The current password is wrong."),
        OWN_APPROVAL("Nobody approves or rejects their own request; another staff member must decide it."),
        APPROVAL_EXPIRED("The request was not approved before its deadline and has expired; request again."),
        APPROVAL_DECIDED("The request has already been decided."),
        APPROVAL_REQUIRED("This action needs a second staff member's approval: request it with a reason.");

        private final String defaultMessage;

        Code(String defaultMessage) {
            this.defaultMessage = defaultMessage;
        }

        public String defaultMessage() {
            return defaultMessage;
        }
    }
}
