package certrenewal.domain.account;

/** What a login ID may do in the customer web. */
public enum Permission {
    RENEW_OWN_CERTIFICATE,
    MANAGE_USER_IDS,
    REISSUE_USER_CERTIFICATES,
    REVOKE_USER_CERTIFICATES,
    UNLOCK_USER_IDS
}
