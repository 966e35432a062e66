package certrenewal.application.service;

import static certrenewal.application.service.Refusals.refusal;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrationPolicy;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.TargetId;
import java.util.Optional;

/** {@link AdministrationPolicy} as every administrative use case asks it first; a refusal ends the use case. */
final class Permissions {
    private Permissions() {
    }

    /** An action on no particular contract or ID. */
    static void permit(Actor actor, AdministrativeAction action) {
        AdministrationPolicy.check(actor, action).ifPresent(Refusals::refuse);
    }

    /** An action on no particular contract or ID; a refusal is audited under {@code auditAction} before it ends the use case. */
    static void permit(Actor actor, AdministrativeAction action, Audit audit, String auditAction, String target) {
        AdministrationPolicy.check(actor, action).ifPresent(rejection -> {
            throw audit.refused(actor.auditName(), auditAction, target, new RequestRefusedException(rejection));
        });
    }

    /** An action on a contract. */
    static void permit(Actor actor, AdministrativeAction action, ContractNumber contract) {
        AdministrationPolicy.check(actor, action, contract, null).ifPresent(Refusals::refuse);
    }

    /**
     * An action on a login ID. When the ID (or certificate) is unknown, only who may search every
     * contract learns so ({@code unknown}); anyone else gets NOT_PERMITTED, as for an ID it may not
     * touch, so that a customer cannot probe other contracts.
     */
    static void permit(Actor actor, AdministrativeAction action, Optional<LoginAccount> target, Code unknown) {
        if (target.isEmpty()) {
            boolean maySearch = AdministrationPolicy.check(actor, AdministrativeAction.SEARCH).isEmpty();
            throw refusal(maySearch ? unknown : Code.NOT_PERMITTED);
        }
        AdministrationPolicy.check(actor, action, null, TargetId.of(target.get())).ifPresent(Refusals::refuse);
    }
}
