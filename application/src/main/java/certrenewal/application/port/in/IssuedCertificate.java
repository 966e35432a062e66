package certrenewal.application.port.in;

import certrenewal.domain.certificate.Certificate;
import java.util.List;
import java.util.Objects;

/** A committed certificate and the CA chain to deliver with it (issuing CA first, DER). */
public record IssuedCertificate(Certificate certificate, List<byte[]> caChain) {
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate must not be null");
        caChain = List.copyOf(caChain);
    }
}
