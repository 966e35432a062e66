package certrenewal.application.port.in;

import certrenewal.domain.renewal.RenewalId;

/** The customer declines (いいえ) or leaves: the open renewal ends, the old certificate stays. */
public interface AbandonRenewalUseCase {
    void abandon(RenewalId renewal, AuthenticatedId who, String reason);
}
