package certrenewal.adapters.pki;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
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
    private static final String KIND = "CA key store";
    private static final int KEY_CERT_SIGN = 5;
    private static final int VALIDITY_YEARS = 10;

    private CaKeyStore() {
    }

    /**
     * Loads the CA from {@code pkcs12}, or creates a self-signed root CA there if the file does not exist
     * (development and demo). An existing file is used as it is, never replaced, and is checked as by
     * {@link #load}: {@code type} and {@code caSubjectDn} apply only to a new CA.
     *
     * @param caSubjectDn RFC 4514, most specific first, e.g. {@code CN=Example Bank Client CA,O=Example Bank,C=JP}
     * @throws UnusableKeyStoreException if the file exists but cannot be used
     */
    public static CaKeyMaterial loadOrCreate(Path pkcs12, char[] password, CaKeyType type, String caSubjectDn,
                                             Clock clock) {
        Objects.requireNonNull(type, "CA key type must not be null");
        Objects.requireNonNull(caSubjectDn, "CA subject must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (Files.exists(pkcs12, LinkOption.NOFOLLOW_LINKS)) {
            return load(pkcs12, password, clock);
        }
        KeyPair keys = generate(type);
        X509Certificate certificate = selfSign(keys, new X500Principal(caSubjectDn), clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate), password);
        return new CaKeyMaterial(keys.getPrivate(), certificate);
    }

    /**
     * Initialises BouncyCastle's provider, which every check of a loaded key signs with: about 0.2 s in a JVM that has
     * just started. A thread of its own can do it while another reads the key store (a PBKDF2 run of similar length);
     * done again, it does nothing.
     */
    public static void initialiseProvider() {
        Certificates.BC.getName();
    }

    /**
     * Loads an existing CA; the production path, which never creates or changes one. The key entry {@value #ALIAS}
     * must hold an EC or RSA (2048 bits or more) key that belongs to a CA certificate valid at the clock's time.
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    public static CaKeyMaterial load(Path pkcs12, char[] password, Clock clock) {
        Objects.requireNonNull(pkcs12, "key store path must not be null");
        Objects.requireNonNull(password, "key store password must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        KeyStoreFiles.KeyEntry entry = KeyStoreFiles.keyEntry(KIND, pkcs12, password, ALIAS);
        requireUsableCa(KIND, pkcs12, entry.privateKey(), entry.certificate(), clock);
        return new CaKeyMaterial(entry.privateKey(), entry.certificate());
    }

    /** The checks every CA key passes before it signs, wherever it is kept. */
    static void requireUsableCa(String kind, Path where, PrivateKey privateKey, X509Certificate x509, Clock clock) {
        KeyStoreFiles.requireSigningKey(kind, where, privateKey, x509.getPublicKey());
        if (x509.getBasicConstraints() < 0) {
            throw new UnusableKeyStoreException(kind, where, "holds a certificate that is not a CA certificate ("
                    + x509.getSubjectX500Principal() + ")");
        }
        boolean[] keyUsage = x509.getKeyUsage();
        if (keyUsage != null && !keyUsage[KEY_CERT_SIGN]) {
            throw new UnusableKeyStoreException(kind, where, "holds a CA certificate whose key usage does not allow"
                    + " signing certificates (" + x509.getSubjectX500Principal() + ")");
        }
        KeyStoreFiles.requireCurrentlyValid(kind, where, x509, clock);
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

    /** A self-signed root CA certificate for {@code keys}, signed by its private key wherever that is kept. */
    static X509Certificate selfSign(KeyPair keys, X500Principal subject, Instant now) {
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
}
