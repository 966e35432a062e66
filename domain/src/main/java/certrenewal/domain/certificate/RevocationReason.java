package certrenewal.domain.certificate;

import java.util.List;

/** CRL reason codes of RFC 5280, 5.3.1, that this bank uses. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    PRIVILEGE_WITHDRAWN(9);

    /** What a person may choose when revoking, most specific first: superseded is set by renewal and re-issue only. */
    private static final List<RevocationReason> SELECTABLE = List.of(KEY_COMPROMISE, AFFILIATION_CHANGED,
            CESSATION_OF_OPERATION, PRIVILEGE_WITHDRAWN, UNSPECIFIED);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 CRLReason value. */
    public int code() {
        return code;
    }

    /** The reasons an administrator or operator may choose, in the order screens offer them. */
    public static List<RevocationReason> selectable() {
        return SELECTABLE;
    }

    public boolean isSelectable() {
        return SELECTABLE.contains(this);
    }
}
