package certrenewal.application.port.out;

import certrenewal.domain.certificate.RevocationStatus;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The OCSP responder's encoding and signature (RFC 6960): reads requests, signs answers. */
public interface OcspResponderPort {

    /**
     * Reads a DER OCSPRequest.
     *
     * @throws MalformedOcspRequestException if it is not one, or asks about no certificate or too many
     */
    OcspQuestion read(byte[] der);

    /**
     * A successful response signed by the delegated responder, one answer per certificate asked about, in the
     * question's order, with the question's nonce echoed when it had one.
     *
     * @param statuses as many as {@code question.certificates()}
     */
    byte[] answer(OcspQuestion question, List<RevocationStatus> statuses, Instant producedAt);

    /** An unsigned response that says only why no answer is given (RFC 6960, 2.3). */
    byte[] refusal(Refusal refusal);

    enum Refusal {
        /** the request could not be read */
        MALFORMED_REQUEST,
        /** the responder could not answer, e.g. its key could not sign */
        INTERNAL_ERROR
    }

    /**
     * What a request asks.
     *
     * @param certificates the certificates asked about, in the request's order
     * @param nonce the request's nonce extension value as sent, to be echoed; empty when it had none
     */
    record OcspQuestion(List<AskedCertificate> certificates, Optional<byte[]> nonce) {
        public OcspQuestion {
            certificates = List.copyOf(certificates);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("a question asks about at least one certificate");
            }
            Objects.requireNonNull(nonce, "nonce must not be null (empty when there is none)");
            nonce = nonce.map(byte[]::clone);
        }
    }

    /**
     * One certificate asked about.
     *
     * @param certId the request's CertID as sent (DER), repeated in the answer
     * @param serial its serial number when the CertID names this CA as the issuer; empty for another issuer
     */
    record AskedCertificate(byte[] certId, Optional<SerialNumber> serial) {
        public AskedCertificate {
            Objects.requireNonNull(certId, "certId must not be null");
            Objects.requireNonNull(serial, "serial must not be null (empty for another issuer)");
            certId = certId.clone();
        }

        @Override
        public byte[] certId() {
            return certId.clone();
        }
    }
}
