package certrenewal.adapters.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/** The CA's key and certificate in a password-protected PKCS#12 file (alias {@value #ALIAS}). */
public final class CaKeyStore {
    static final String ALIAS = "ca";
    private static final int VALIDITY_YEARS = 10;

    private CaKeyStore() {
    }

    /**
     * Loads the CA from {@code pkcs12}, or creates a self-signed root CA there if the file does not exist
     * (development and demo). An existing file is used as it is: {@code type} and {@code caSubjectDn} apply only
     * to a new CA.
     *
     * @param caSubjectDn RFC 4514, most specific first, e.g. {@code CN=Example Bank Client CA,O=Example Bank,C=JP}
     */
    public static CaKeyMaterial loadOrCreate(Path pkcs12, char[] password, CaKeyType type, String caSubjectDn,
                                             Clock clock) {
        Objects.requireNonNull(type, "CA key type must not be null");
        Objects.requireNonNull(caSubjectDn, "CA subject must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (Files.exists(pkcs12)) {
            return load(pkcs12, password);
        }
        KeyPair keys = generate(type);
        X509Certificate certificate = selfSign(keys, new X500Principal(caSubjectDn), clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate), password);
        return new CaKeyMaterial(keys.getPrivate(), certificate);
    }

    /** Loads an existing CA; the production path, which never creates one. */
    public static CaKeyMaterial load(Path pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "key store path must not be null");
        Objects.requireNonNull(password, "key store password must not be null");
        try {
            KeyStore store = Pkcs12.read(pkcs12, password);
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey key)
                    || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalStateException("CA key store " + pkcs12 + " has no key entry named '" + ALIAS + "'");
            }
            requireKeyMatchesCertificate(key, certificate, pkcs12);
            return new CaKeyMaterial(key, certificate);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("CA key store " + pkcs12 + " does not exist", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("CA key store " + pkcs12 + " cannot be opened: wrong password");
            }
            throw new IllegalStateException("CA key store " + pkcs12 + " cannot be read: " + e.getMessage(), e);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("CA key in " + pkcs12 + " cannot be opened: wrong password");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CA key store " + pkcs12 + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate(CaKeyType type) {
        try {
            return switch (type) {
                case P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case RSA2048 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " CA key", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keys, X500Principal subject, Instant now) {
        X500Name name = X500Name.getInstance(subject.getEncoded());
        SubjectPublicKeyInfo publicKey = Certificates.subjectPublicKeyInfo(keys.getPublic());
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, Certificates.randomSerial(),
                Certificates.date(now), Certificates.date(notAfter), name, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(publicKey));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the CA certificate's extensions", e);
        }
        return Certificates.sign(builder, keys.getPrivate());
    }

    /** A key store whose key and certificate were swapped or mixed up would sign certificates nobody can verify. */
    private static void requireKeyMatchesCertificate(PrivateKey key, Certificate certificate, Path pkcs12)
            throws GeneralSecurityException {
        String algorithm = Certificates.signatureAlgorithm(key);
        byte[] probe = "certrenewal CA key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm, Certificates.BC);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, Certificates.BC);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("CA key store " + pkcs12 + ": the key does not belong to the certificate");
        }
    }
}
