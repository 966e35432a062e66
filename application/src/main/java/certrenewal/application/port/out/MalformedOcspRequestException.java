package certrenewal.application.port.out;

/** An OCSP request that cannot be read or answered as asked; the responder answers malformedRequest. */
public class MalformedOcspRequestException extends RuntimeException {
    public MalformedOcspRequestException(String message) {
        super(message);
    }

    public MalformedOcspRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
