package certrenewal.adapters.pki;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads a PKCS#10 request and keeps nothing but its public key, once the key is acceptable and the request's
 * signature proves that the sender holds the private key. The subject and attributes of the request are ignored.
 * <p>
 * The proof counts only when it is made with SHA-256 or stronger: sha256/384/512WithRSAEncryption,
 * ecdsa-with-SHA256/384/512, or RSASSA-PSS (RFC 4055) whose parameters say SHA-256/384/512, MGF1 with that same
 * hash, a salt at least as long as the hash and trailer field 1. The algorithm is judged before the signature is
 * verified, so that a weak or odd algorithm is refused for what it is, whether or not its signature verifies.
 */
final class CertificationRequestCheck {
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);
    /** The hashes RSASSA-PSS may use, with their output length in bytes (the least salt length). */
    private static final Map<ASN1ObjectIdentifier, Integer> PSS_HASH_LENGTHS = Map.of(
            NISTObjectIdentifiers.id_sha256, 32,
            NISTObjectIdentifiers.id_sha384, 48,
            NISTObjectIdentifiers.id_sha512, 64);
    private static final Map<ASN1ObjectIdentifier, String> PSS_HASH_NAMES = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final RequestKeyPolicy keyPolicy;
    private final SignatureProviders providers;

    CertificationRequestCheck(RequestKeyPolicy keyPolicy, SignatureProviders providers) {
        this.keyPolicy = keyPolicy;
        this.providers = providers;
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

    private void requireProofOfPossession(PKCS10CertificationRequest request) {
        requireStrongSignatureAlgorithm(request.getSignatureAlgorithm());
        boolean valid;
        try {
            valid = request.isSignatureValid(providers.forKey(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            // a signature that cannot even be processed (wrong algorithm for the key, bad encoding) proves nothing
            valid = false;
        }
        if (!valid) {
            throw new CertificateRequestRejectedException(Rejection.of(Code.BAD_REQUEST_SIGNATURE));
        }
    }

    private static void requireStrongSignatureAlgorithm(AlgorithmIdentifier signatureAlgorithm) {
        ASN1ObjectIdentifier algorithm = signatureAlgorithm.getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            requireStrongPssParameters(signatureAlgorithm.getParameters());
        } else if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
            throw weakSignature(new DefaultAlgorithmNameFinder().getAlgorithmName(signatureAlgorithm));
        }
    }

    /** RFC 4055 section 3.1; absent parameters mean SHA-1, MGF1 with SHA-1, a 20-byte salt. */
    private static void requireStrongPssParameters(ASN1Encodable encoded) {
        if (encoded == null) {
            throw weakSignature("RSA-PSS without parameters, which means SHA-1");
        }
        RSASSAPSSparams parameters;
        boolean mgf1;
        AlgorithmIdentifier maskHash;
        try {
            parameters = RSASSAPSSparams.getInstance(encoded);
            mgf1 = PKCSObjectIdentifiers.id_mgf1.equals(parameters.getMaskGenAlgorithm().getAlgorithm());
            maskHash = mgf1 ? AlgorithmIdentifier.getInstance(parameters.getMaskGenAlgorithm().getParameters()) : null;
        } catch (RuntimeException e) {
            // hostile input: parameters that do not parse are refused, never a server error
            throw malformed("The certificate request's RSA-PSS parameters could not be read.");
        }
        if (mgf1 && maskHash == null) {
            throw malformed("The certificate request's RSA-PSS parameters name MGF1 without its hash.");
        }
        AlgorithmIdentifier hash = parameters.getHashAlgorithm();
        Integer hashLength = PSS_HASH_LENGTHS.get(hash.getAlgorithm());
        if (hashLength == null) {
            throw weakSignature("RSA-PSS over " + hashName(hash));
        }
        if (!absentOrNull(hash.getParameters())) {
            throw malformed("The certificate request's RSA-PSS hash algorithm has unexpected parameters.");
        }
        String hashName = PSS_HASH_NAMES.get(hash.getAlgorithm());
        if (!mgf1) {
            throw badSignature("The certificate request's RSA-PSS signature uses the mask generation function "
                    + parameters.getMaskGenAlgorithm().getAlgorithm().getId() + "; only MGF1 is accepted.");
        }
        if (!absentOrNull(maskHash.getParameters())) {
            throw malformed("The certificate request's RSA-PSS MGF1 hash algorithm has unexpected parameters.");
        }
        if (!maskHash.getAlgorithm().equals(hash.getAlgorithm())) {
            throw badSignature("The certificate request's RSA-PSS signature hashes with " + hashName
                    + " but uses MGF1 with " + hashName(maskHash) + "; use " + hashName + " for both.");
        }
        BigInteger salt = parameters.getSaltLength();
        if (salt.compareTo(BigInteger.valueOf(hashLength)) < 0) {
            throw badSignature("The certificate request's RSA-PSS salt is " + salt + " bytes long; with " + hashName
                    + " it must be at least " + hashLength + " bytes.");
        }
        if (!BigInteger.ONE.equals(parameters.getTrailerField())) {
            throw badSignature("The certificate request's RSA-PSS trailer field is " + parameters.getTrailerField()
                    + "; only 1 is defined.");
        }
    }

    private static boolean absentOrNull(ASN1Encodable parameters) {
        return parameters == null || DERNull.INSTANCE.equals(parameters);
    }

    private static String hashName(AlgorithmIdentifier hash) {
        String name = PSS_HASH_NAMES.get(hash.getAlgorithm());
        return name != null ? name : new DefaultAlgorithmNameFinder().getAlgorithmName(hash.getAlgorithm());
    }

    private static CertificateRequestRejectedException weakSignature(String what) {
        return badSignature("The certificate request is signed with " + what + "; sign it with SHA-256 or stronger.");
    }

    private static CertificateRequestRejectedException badSignature(String reason) {
        return new CertificateRequestRejectedException(Rejection.of(Code.BAD_REQUEST_SIGNATURE, reason));
    }

    private static CertificateRequestRejectedException malformed(String reason) {
        return new CertificateRequestRejectedException(Rejection.of(Code.MALFORMED_REQUEST, reason));
    }

    private static CertificateRequestRejectedException malformed() {
        return new CertificateRequestRejectedException(Rejection.of(Code.MALFORMED_REQUEST));
    }
}
