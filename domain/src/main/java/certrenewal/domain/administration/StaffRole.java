package certrenewal.domain.administration;

/**
 * What a bank staff account may do in the console: operators act on customers' records, auditors
 * read and verify the audit trail, security administrators manage the staff accounts (and nothing else).
 */
public enum StaffRole {
    OPERATOR,
    AUDITOR,
    SECURITY_ADMIN
}
