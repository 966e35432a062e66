package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.ExpiringCertificates;
import certrenewal.domain.administration.Actor;

/** The console's inventory: certificates expiring in the next days, by contract (operators and auditors, read-only). */
public interface ListExpiringCertificatesUseCase {
    int MIN_DAYS = 1;
    int MAX_DAYS = 400;
    int DEFAULT_DAYS = 40;

    /**
     * @param days the window from now, {@value #MIN_DAYS}..{@value #MAX_DAYS}
     * @param limit how many rows at most
     * @throws certrenewal.application.port.in.RequestRefusedException NOT_PERMITTED for anyone but operators and auditors
     * @throws IllegalArgumentException when {@code days} or {@code limit} is out of range
     */
    ExpiringCertificates expiring(Actor actor, int days, int limit);

    /** As {@link #expiring}, for a file that leaves the console: the export is audited (INVENTORY_EXPORTED). */
    ExpiringCertificates export(Actor actor, int days, int limit);
}
