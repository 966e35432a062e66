package certrenewal.application.port.in;

/**
 * The OCSP responder (RFC 6960): whether the certificates a relying party asks about are good, revoked (with time
 * and reason) or unknown, from the database as it is now, so every node answers the same at once after a
 * revocation.
 */
public interface AnswerOcspRequestUseCase {
    /**
     * @param ocspRequestDer a DER OCSPRequest as received; anything else gets a malformedRequest response
     * @return a DER OCSPResponse, never an exception: a successful signed answer, malformedRequest or internalError
     */
    byte[] answer(byte[] ocspRequestDer);
}
