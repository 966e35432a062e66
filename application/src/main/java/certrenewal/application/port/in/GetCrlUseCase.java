package certrenewal.application.port.in;

import java.time.Instant;
import java.util.Optional;

/** The current CRL (RFC 5280, DER), signed again after revocations (coalesced) and before its nextUpdate. */
public interface GetCrlUseCase {
    byte[] currentCrl();

    /**
     * A revocation has committed: signs a new CRL now, or, when one was signed moments ago, as soon
     * as the minimum interval between CRLs has passed.
     */
    void publishCrl();

    /**
     * Signs what a revocation held back (the minimum interval has now passed), a CRL near its nextUpdate, or the
     * first one; nothing otherwise. For a periodic task on every node: cheap when there is nothing to do.
     */
    void publishPending();

    /**
     * The nextUpdate of the CRL being served (the newest stored one, whichever node signed it), without signing one:
     * empty before the first. Past it, relying parties reject the CRL (what the health check reports).
     */
    Optional<Instant> publishedNextUpdate();
}
