package certrenewal.application.port.out;

import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.time.Instant;
import java.util.List;

/** The certificate authority that checks requests and signs. */
public interface CertificateAuthorityPort {

    /**
     * Parses a PKCS#10 request, verifies its signature (proof of possession) and checks its key.
     * Only the public key is kept: whatever else the request says is ignored.
     *
     * @throws CertificateRequestRejectedException MALFORMED_REQUEST, BAD_REQUEST_SIGNATURE or KEY_NOT_ACCEPTED, with the reason
     */
    CheckedRequest checkRequest(byte[] pkcs10Der);

    /**
     * Signs a client certificate for {@code subject} per the bank's profile and checks the result
     * against the profile before returning it.
     */
    SignedCertificate sign(CheckedRequest request, SubjectName subject, SerialNumber serial,
                           Instant notBefore, Instant notAfter);

    /**
     * Signs a CRL (RFC 5280 v2, DER) listing {@code revoked}, with the CRL number and authority key
     * identifier extensions and each entry's reason code.
     */
    byte[] signCrl(List<RevokedCertificate> revoked, Instant thisUpdate, Instant nextUpdate, java.math.BigInteger crlNumber);

    /**
     * Signs a few fixed bytes with the CA key and verifies the signature with the CA certificate's public key: proves
     * the key is usable now (a health check), cheaply and without issuing anything.
     *
     * @throws IllegalStateException when the key cannot sign or the signature does not verify, with the reason
     */
    void checkSigningKey();

    /** The CA chain, issuing CA first, each DER-encoded. */
    List<byte[]> caCertificates();

    /** A request that passed the checks: the DER SubjectPublicKeyInfo and a description such as "EC P-256". */
    record CheckedRequest(byte[] subjectPublicKeyInfo, String keyDescription) {
    }

    /**
     * @param sha256Fingerprint upper-case hex of SHA-256 over {@code der}
     * @param issuer the issuer's distinguished name, RFC 4514
     */
    record SignedCertificate(byte[] der, String sha256Fingerprint, String issuer) {
    }
}
