package certrenewal.domain.administration;

/** What a bank staff account may do in the console: operators act, auditors read and verify the audit trail. */
public enum StaffRole {
    OPERATOR,
    AUDITOR
}
