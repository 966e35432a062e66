package certrenewal.application.port.in;

import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;

/** Moves a started renewal on to waiting for the customer's key (「電子証明書更新開始」). */
public interface PrepareRenewalUseCase {
    Renewal.AwaitingKey prepare(RenewalId renewal, AuthenticatedId who);
}
