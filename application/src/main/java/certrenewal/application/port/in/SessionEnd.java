package certrenewal.application.port.in;

/** Why a signed-in session must end now: what changed about its ID, its certificate or its staff account. */
public enum SessionEnd {
    /** The certificate the session was opened with was revoked. */
    CERTIFICATE_REVOKED,
    /** The certificate the session was opened with was superseded by a renewed one. */
    CERTIFICATE_SUPERSEDED,
    /** The certificate the session was opened with has expired. */
    CERTIFICATE_EXPIRED,
    /** The login ID or the staff account is locked. */
    LOCKED,
    /** The login ID was withdrawn, or the staff account no longer exists. */
    WITHDRAWN,
    /** The staff account's role is no longer the one it signed in with. */
    ROLE_CHANGED,
    /** The session has lasted as long as any session may, however busy it was. */
    LIFETIME_OVER,
    /** A security administrator disabled the staff account. */
    DISABLED,
    /** The login ID's or staff account's password was changed (in another session) or reset since the session opened. */
    PASSWORD_CHANGED
}
