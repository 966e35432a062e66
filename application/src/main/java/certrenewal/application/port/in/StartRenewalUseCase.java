package certrenewal.application.port.in;

import certrenewal.domain.renewal.Renewal;

/** Starts renewing the authenticated ID's certificate (「電子証明書更新前処理中」). */
public interface StartRenewalUseCase {
    /** @throws RequestRefusedException when the ID may not renew now, with the reason */
    Renewal.Started start(AuthenticatedId who);

    /**
     * Ends the ID's open renewal (left in a closed tab, say) and starts a new one, for a customer
     * who chose to start over.
     */
    Renewal.Started startOver(AuthenticatedId who);
}
