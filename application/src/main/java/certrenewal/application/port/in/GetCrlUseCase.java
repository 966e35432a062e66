package certrenewal.application.port.in;

/** The current CRL (RFC 5280, DER), regenerated after every revocation and before its nextUpdate. */
public interface GetCrlUseCase {
    byte[] currentCrl();

    /** Signs a new CRL now (after a revocation; by schedule before nextUpdate). */
    void publishCrl();
}
