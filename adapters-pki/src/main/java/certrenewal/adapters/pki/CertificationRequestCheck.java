package certrenewal.adapters.pki;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.io.IOException;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads a PKCS#10 request and keeps nothing but its public key, once the key is acceptable and the request's
 * signature proves that the sender holds the private key. The subject and attributes of the request are ignored.
 */
final class CertificationRequestCheck {
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private final RequestKeyPolicy keyPolicy;

    CertificationRequestCheck(RequestKeyPolicy keyPolicy) {
        this.keyPolicy = keyPolicy;
    }

    CheckedRequest check(byte[] pkcs10Der) {
        PKCS10CertificationRequest request = parse(pkcs10Der);
        SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
        // The key is judged first, so that no refused key (an off-curve point, a huge modulus) reaches signature code.
        String description = keyPolicy.describeAcceptedKey(key);
        requireProofOfPossession(request);
        try {
            return new CheckedRequest(key.getEncoded(ASN1Encoding.DER), description);
        } catch (IOException e) {
            throw malformed();
        }
    }

    private static PKCS10CertificationRequest parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw malformed();
        }
        try {
            return new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            // hostile input: whatever fails to parse is refused, never a server error
            throw malformed();
        }
    }

    private static void requireProofOfPossession(PKCS10CertificationRequest request) {
        ASN1ObjectIdentifier algorithm = request.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
            String name = new DefaultAlgorithmNameFinder().getAlgorithmName(request.getSignatureAlgorithm());
            throw new CertificateRequestRejectedException(Rejection.of(Code.BAD_REQUEST_SIGNATURE,
                    "The certificate request is signed with " + name + "; sign it with SHA-256 or stronger."));
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Certificates.BC)
                    .build(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            // a signature that cannot even be processed (wrong algorithm for the key, bad encoding) proves nothing
            valid = false;
        }
        if (!valid) {
            throw new CertificateRequestRejectedException(Rejection.of(Code.BAD_REQUEST_SIGNATURE));
        }
    }

    private static CertificateRequestRejectedException malformed() {
        return new CertificateRequestRejectedException(Rejection.of(Code.MALFORMED_REQUEST));
    }
}
