package certrenewal.application.port.in;

/** Deletes the failed-pickup counts that no longer count ({@code PickupThrottle}), so that they do not pile up. */
public interface ForgetOldPickupFailuresUseCase {
    /** @return how many login IDs' counts were deleted */
    int forgetOld();
}
