package certrenewal.domain.account;

import java.util.Objects;

/** What a signed-in login ID may reach: everything its kind allows, or only what it must do first. */
public enum AccessScope {
    /** Every screen the ID's kind allows. */
    FULL,
    /** Only the change of the login password, which someone else chose (and then logging out). */
    PASSWORD_CHANGE,
    /** Only the renewal of its certificate, which expired within the grace period (and then logging out). */
    RENEWAL_AFTER_EXPIRY;

    /**
     * The scope of a login: a password someone else chose is changed first, before anything; then a certificate
     * that expired within the grace period can only be renewed.
     */
    public static AccessScope of(PasswordState password, boolean certificateExpired) {
        Objects.requireNonNull(password, "password state must not be null");
        if (password.changeRequired()) {
            return PASSWORD_CHANGE;
        }
        return certificateExpired ? RENEWAL_AFTER_EXPIRY : FULL;
    }
}
