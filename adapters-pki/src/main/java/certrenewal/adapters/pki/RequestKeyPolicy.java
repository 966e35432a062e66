package certrenewal.adapters.pki;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Which keys the bank certifies (after Boulder's goodkey and EJBCA's key validators): RSA with 2048, 3072 or
 * 4096 bits, exponent 65537, no small factor and no ROCA fingerprint; EC on P-256 or P-384 with a valid point.
 */
final class RequestKeyPolicy {
    private static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final BigInteger SMALL_PRIMES_PRODUCT = productOfPrimesBelow(1000);
    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384");
    private static final Map<ASN1ObjectIdentifier, String> REFUSED_KEY_TYPES = Map.of(
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            EdECObjectIdentifiers.id_X25519, "X25519",
            EdECObjectIdentifiers.id_X448, "X448",
            X9ObjectIdentifiers.id_dsa, "DSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSA-PSS");

    /** @return a description such as "EC P-256" or "RSA 3072" */
    String describeAcceptedKey(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA " + checkRsa(key);
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC " + checkEc(key);
        }
        String name = REFUSED_KEY_TYPES.getOrDefault(algorithm, algorithm.getId());
        throw refused("Key type " + name + " is not accepted; use EC P-256/P-384 or RSA.");
    }

    private static int checkRsa(SubjectPublicKeyInfo key) {
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(key.parsePublicKey());
        } catch (IOException | RuntimeException e) {
            // hostile input: whatever fails to parse is refused, never a server error
            throw refused("The RSA public key could not be read.");
        }
        BigInteger modulus = rsa.getModulus();
        int bits = modulus.bitLength();
        if (modulus.signum() <= 0 || !RSA_SIZES.contains(bits)) {
            throw refused("RSA keys must have 2048, 3072 or 4096 bits; this one has " + bits + ".");
        }
        if (!F4.equals(rsa.getPublicExponent())) {
            throw refused("RSA public exponent must be 65537.");
        }
        if (!modulus.gcd(SMALL_PRIMES_PRODUCT).equals(BigInteger.ONE)) {
            throw refused("The RSA modulus has a small prime factor; generate a new key.");
        }
        if (RocaFingerprint.matches(modulus)) {
            throw refused("The RSA key has the ROCA weakness (CVE-2017-15361); generate a new key with updated"
                    + " software or on an unaffected device.");
        }
        return bits;
    }

    private static String checkEc(SubjectPublicKeyInfo key) {
        // Explicit curve parameters are refused too: the curve must be one we know by name.
        if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) || !CURVES.containsKey(curve)) {
            throw refused("Only EC curves P-256 and P-384 are accepted.");
        }
        byte[] point = key.getPublicKeyData().getOctets();
        // Uncompressed only, like Go's x509 parser and Boulder; it also keeps the key's encoding unambiguous.
        if (point.length == 0 || point[0] != 0x04) {
            throw refused("EC public keys must be sent as uncompressed points.");
        }
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        try {
            ECPoint decoded = parameters.getCurve().decodePoint(point);
            if (decoded.isInfinity() || !decoded.isValid()) {
                throw new IllegalArgumentException("not a point of the curve's group");
            }
        } catch (RuntimeException e) {
            throw refused("The EC public key is not a valid point on " + CURVES.get(curve) + ".");
        }
        return CURVES.get(curve);
    }

    private static CertificateRequestRejectedException refused(String reason) {
        return new CertificateRequestRejectedException(Rejection.of(Code.KEY_NOT_ACCEPTED, reason));
    }

    private static BigInteger productOfPrimesBelow(int limit) {
        BigInteger product = BigInteger.ONE;
        for (int candidate = 2; candidate < limit; candidate++) {
            if (isPrime(candidate)) {
                product = product.multiply(BigInteger.valueOf(candidate));
            }
        }
        return product;
    }

    private static boolean isPrime(int candidate) {
        for (int divisor = 2; divisor * divisor <= candidate; divisor++) {
            if (candidate % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
