package certrenewal.application.port.in;

/** The current CRL (RFC 5280, DER), signed again after revocations (coalesced) and before its nextUpdate. */
public interface GetCrlUseCase {
    byte[] currentCrl();

    /**
     * A revocation has committed: signs a new CRL now, or, when one was signed moments ago, as soon
     * as the minimum interval between CRLs has passed.
     */
    void publishCrl();
}
