package certrenewal.domain.administration;

/** The actions the administration screens and the console offer. */
public enum AdministrativeAction {
    LIST_CONTRACT_IDS,
    REGISTER_USER_ID,
    REGISTER_CONTRACT,
    REISSUE_CERTIFICATE,
    REVOKE_CERTIFICATE,
    UNLOCK_ID,
    VIEW_DASHBOARD,
    SEARCH,
    READ_AUDIT_TRAIL,
    VERIFY_AUDIT_TRAIL,
    /** A first certificate delivered directly, without the ID's pickup (demo data and test set-ups): the system's alone. */
    ISSUE_CERTIFICATE,
    /** Creating, disabling, re-enabling, unlocking staff accounts, resetting their passwords: see {@link StaffAdministration}. */
    MANAGE_STAFF,
    /** Changing another login ID's contact e-mail address and notice language (an ID changes its own in 設定). */
    CHANGE_CONTACT
}
