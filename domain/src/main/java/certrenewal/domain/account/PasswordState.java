package certrenewal.domain.account;

import certrenewal.domain.administration.Actor;
import java.util.Objects;

/**
 * What a login ID's login password allows beside its hash: whether its holder must choose a new one before
 * anything else (someone else chose or handed out the present one), and how many times the holder changed it
 * (the credential epoch: a session opened under an older epoch ends).
 *
 * @param changeRequired the holder must change the password at the next login, before anything else
 * @param epoch grows by one at each change by the holder; never negative
 */
public record PasswordState(boolean changeRequired, long epoch) {
    /** An ID whose password nobody but its holder knows, never changed. */
    public static final PasswordState INITIAL = new PasswordState(false, 0);

    public PasswordState {
        if (epoch < 0) {
            throw new IllegalArgumentException("credential epoch must not be negative");
        }
    }

    /**
     * The state after {@code actor} chose the ID's password or handed out a way to replace its certificate (a
     * registration, a re-issue): the person who did so must not go on knowing a usable password, so the holder
     * changes it at the next login. The system's own tasks (the demo IDs with their published passwords) do not
     * force it.
     */
    public PasswordState handedOutBy(Actor actor) {
        Objects.requireNonNull(actor, "actor must not be null");
        return actor instanceof Actor.SystemTask ? this : new PasswordState(true, epoch);
    }

    /** The holder chose a new password: nothing is forced any more, and sessions of the older epoch end. */
    public PasswordState changedByHolder() {
        return new PasswordState(false, epoch + 1);
    }
}
