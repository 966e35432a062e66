package certrenewal.adapters.web;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.TargetId;
import certrenewal.domain.certificate.CertificateStatus;
import java.util.Optional;

/**
 * Which actions on a login ID the screens offer (利用者管理 and the console): those the policy the
 * use cases apply allows the actor on this ID, where the ID's state leaves the action something to
 * change. The use cases decide again when the action is posted; this only decides what is shown.
 */
public final class OfferedActions {
    private OfferedActions() {
    }

    /** Why {@code action} is not offered on {@code id} of {@code contract}, or empty when it is. */
    public static Optional<Rejection> refusalOn(Actor actor, AdministrativeAction action, ContractNumber contract,
                                                LoginIdSummary id) {
        return AdministrationPolicy.check(actor, action, contract, new TargetId(contract, id.kind())).or(() -> switch (action) {
            case REISSUE_CERTIFICATE -> refusedUnless(id.status() != AccountStatus.REVOKED, Rejection.Code.NOT_PERMITTED);
            case UNLOCK_ID -> refusedUnless(id.status() == AccountStatus.LOCKED, Rejection.Code.NOT_LOCKED);
            case REVOKE_CERTIFICATE -> refusedUnless(id.serial() != null && id.certificateStatus() == CertificateStatus.ACTIVE,
                    Rejection.Code.NO_CERTIFICATE);
            default -> Optional.empty();
        });
    }

    public static boolean offered(Actor actor, AdministrativeAction action, ContractNumber contract, LoginIdSummary id) {
        return refusalOn(actor, action, contract, id).isEmpty();
    }

    private static Optional<Rejection> refusedUnless(boolean offered, Rejection.Code code) {
        return offered ? Optional.empty() : Optional.of(Rejection.of(code));
    }
}
