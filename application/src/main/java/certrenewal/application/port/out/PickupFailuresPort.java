package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import java.time.Instant;
import java.util.Optional;

/** Failed pickups in a row per typed login ID, known or not (so that throttling tells nothing of which IDs exist). */
public interface PickupFailuresPort {

    record PickupFailures(int count, Instant last) {
    }

    Optional<PickupFailures> loadFailures(LoginId id);

    /**
     * Counts one more failure at {@code at}. A count whose last failure is before {@code countsSince} no longer
     * counts: it starts again at one.
     */
    void recordFailure(LoginId id, Instant at, Instant countsSince);

    /** A successful pickup starts the count again. */
    void clearFailures(LoginId id);

    /** Deletes the counts whose last failure is before {@code before}; returns how many. */
    int forgetFailuresBefore(Instant before);
}
