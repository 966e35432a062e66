package certrenewal.domain.account;

/** Whether a login ID may log in and renew. */
public enum AccountStatus {
    ACTIVE,
    /** Too many wrong passwords in a row; unlocked by an administrator or the bank. */
    LOCKED,
    /** The ID was withdrawn; it never comes back. */
    REVOKED
}
