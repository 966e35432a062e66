package certrenewal.domain.administration;

import certrenewal.domain.account.IdKind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which console actions a bank puts under dual control (four eyes), and whether a given action falls under it: a
 * staff member's action on an administrator ID (registering a contract makes one) of a configured kind. Customers'
 * own administrators, the system's set-up, and actions on user IDs are not covered.
 */
public record DualControlPolicy(Set<DualControlAction> actions) {
    public DualControlPolicy {
        Objects.requireNonNull(actions, "actions must not be null");
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
    }

    /** No action needs a second person: they all run at once. */
    public static DualControlPolicy off() {
        return new DualControlPolicy(Set.of());
    }

    /** Every action that may be put under dual control. */
    public static DualControlPolicy all() {
        return new DualControlPolicy(EnumSet.allOf(DualControlAction.class));
    }

    /** The dual-control action that covers {@code actor}'s {@code action} on an ID of {@code targetKind}, if configured. */
    public Optional<DualControlAction> covering(Actor actor, AdministrativeAction action, IdKind targetKind) {
        if (!(actor instanceof Actor.Staff) || targetKind != IdKind.ADMINISTRATOR) {
            return Optional.empty();
        }
        return actions.stream().filter(a -> a.action() == action).findFirst();
    }
}
