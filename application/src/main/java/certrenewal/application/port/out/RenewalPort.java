package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.UnfinishedRenewals;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Loads and stores renewals. */
public interface RenewalPort {
    Optional<Renewal> loadRenewal(RenewalId id);

    /** The renewal of this ID in state STARTED or AWAITING_KEY, if any (there is at most one). */
    Optional<Renewal> findOpenRenewal(LoginId loginId);

    /** Issued renewals of this ID whose new certificate has not been used yet. */
    List<Renewal.Issued> findUnconfirmedRenewals(LoginId loginId);

    /**
     * What {@link #findOpenRenewal} and {@link #findUnconfirmedRenewals} give, read at once: every renewal starts by
     * looking at both, so an adapter may answer with one query.
     */
    default UnfinishedRenewals findUnfinishedRenewals(LoginId loginId) {
        return new UnfinishedRenewals(findOpenRenewal(loginId).filter(Renewal.Open.class::isInstance).map(Renewal.Open.class::cast),
                findUnconfirmedRenewals(loginId));
    }

    /** The issued, unconfirmed renewal whose new certificate has this serial, if any. */
    Optional<Renewal.Issued> findUnconfirmedRenewalIssuing(SerialNumber newSerial);

    /** Open renewals started before {@code startedBefore}, at most {@code limit}. */
    List<Renewal> findOpenRenewalsStartedBefore(Instant startedBefore, int limit);

    /**
     * Stores a new renewal; fails with {@link ConcurrentUpdateException} if the ID already has an
     * open one (the database enforces that too).
     */
    void insertRenewal(Renewal renewal);

    /** Stores a transition; fails with {@link ConcurrentUpdateException} on a concurrent change. */
    void updateRenewal(Renewal renewal);
}
