package certrenewal.application.port.in;

import java.util.List;

/** The CA certificates clients need to trust what the bank issues (EST cacerts). */
public interface GetCaCertificatesUseCase {
    /** Issuing CA first, DER-encoded. */
    List<byte[]> caCertificates();
}
