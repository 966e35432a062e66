package certrenewal.domain.administration;

/**
 * The console actions that may be put under dual control (four eyes): configured per bank, by
 * default all of these. Each is an operator's action on its own ({@link #action()}).
 */
public enum DualControlAction {
    REVOKE_ADMINISTRATOR_CERTIFICATE(AdministrativeAction.REVOKE_CERTIFICATE),
    REISSUE_ADMINISTRATOR_ID(AdministrativeAction.REISSUE_CERTIFICATE),
    UNLOCK_ADMINISTRATOR_ID(AdministrativeAction.UNLOCK_ID),
    REGISTER_CONTRACT(AdministrativeAction.REGISTER_CONTRACT);

    private final AdministrativeAction action;

    DualControlAction(AdministrativeAction action) {
        this.action = action;
    }

    /** The administrative action run once approved: requester and approver must both be allowed it. */
    public AdministrativeAction action() {
        return action;
    }
}
