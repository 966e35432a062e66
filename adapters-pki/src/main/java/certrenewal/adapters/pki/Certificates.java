package certrenewal.adapters.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificate-building steps shared by the client CA, the CA's own certificate and the TLS server certificate. */
final class Certificates {
    /** Used as an instance, never registered: no global side effect, no lookup by name in the hot path. */
    static final Provider BC = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key");
        };
    }

    /** A signer with BouncyCastle, or the token's provider for a key that cannot leave its token (PKCS#11). */
    static ContentSigner signer(PrivateKey key) {
        return signer(SignatureProviders.SigningKey.withoutNative(key, SignatureProviders.SigningKey.inToken(key)));
    }

    static ContentSigner signer(SignatureProviders.SigningKey signing) {
        PrivateKey key = signing.key();
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signatureAlgorithm(key));
        signing.provider().ifPresent(builder::setProvider);
        try {
            return builder.build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the " + key.getAlgorithm() + " key", e);
        }
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return parse(builder.build(signer(key)).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    /** 128 bits from a CSPRNG; the top bit is set so that it is positive and every serial has the same length. */
    static BigInteger randomSerial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    /** X.509 has no fractions of a second. */
    static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static SubjectPublicKeyInfo subjectPublicKeyInfo(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    /** RFC 5280, 4.2.1.2 method (1): SHA-1 over the public key bits, as OpenSSL computes it too. */
    static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo key) {
        byte[] bits = key.getPublicKeyData().getBytes();
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(bits, 0, bits.length);
        byte[] id = new byte[sha1.getDigestSize()];
        sha1.doFinal(id, 0);
        return new SubjectKeyIdentifier(id);
    }

    /** Takes the issuer's own key identifier so that chains match, computing it only if the issuer has none. */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) {
        byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        byte[] keyId = extension != null
                ? SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifier()
                : subjectKeyIdentifier(subjectPublicKeyInfo(issuer.getPublicKey())).getKeyIdentifier();
        return new AuthorityKeyIdentifier(keyId);
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate", e);
        }
    }
}
