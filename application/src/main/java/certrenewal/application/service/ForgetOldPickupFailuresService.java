package certrenewal.application.service;

import certrenewal.application.port.in.ForgetOldPickupFailuresUseCase;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.domain.account.PickupThrottle;
import java.time.Clock;

/**
 * The scheduled sweep of failed-pickup counts. Anyone can add one by typing a login ID, known or not; a count the
 * throttle has forgotten is deleted. No audit entry: the counts are not records of the bank, the refusals are.
 */
public final class ForgetOldPickupFailuresService implements ForgetOldPickupFailuresUseCase {
    private final PickupFailuresPort failures;
    private final PickupThrottle throttle;
    private final Clock clock;

    public ForgetOldPickupFailuresService(PickupFailuresPort failures, PickupThrottle throttle, Clock clock) {
        this.failures = failures;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public int forgetOld() {
        return failures.forgetFailuresBefore(throttle.forgetBefore(clock.instant()));
    }
}
