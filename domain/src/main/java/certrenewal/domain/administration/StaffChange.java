package certrenewal.domain.administration;

/** What a security administrator does to a staff account. */
public enum StaffChange {
    CREATE,
    DISABLE,
    ENABLE,
    UNLOCK,
    RESET_PASSWORD,
    CHANGE_ROLE,
    /** A new staff client certificate for the console, replacing the account's current one. */
    ISSUE_CERTIFICATE
}
