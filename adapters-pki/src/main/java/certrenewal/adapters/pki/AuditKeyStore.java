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
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The audit signing key in a password-protected PKCS#12 file (alias {@value #ALIAS}), beside the
 * CA's: an EC P-256 key with a self-signed certificate when created here. A production key store
 * may hold any EC P-256/P-384, RSA or Ed25519 key under that alias.
 */
public final class AuditKeyStore {
    static final String ALIAS = "audit";
    static final String SUBJECT = "CN=Certrenewal Audit Checkpoints";
    private static final int VALIDITY_YEARS = 30;

    private AuditKeyStore() {
    }

    /** Loads the audit key, or creates one there if the file does not exist (development and demo). */
    public static AuditKeyMaterial loadOrCreate(Path pkcs12, char[] password, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        if (Files.exists(pkcs12)) {
            return load(pkcs12, password);
        }
        KeyPair keys = generate();
        X509Certificate certificate = selfSign(keys, clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate), password);
        return new AuditKeyMaterial(keys.getPrivate(), certificate);
    }

    /** Loads an existing audit key; the production path, which never creates one. */
    public static AuditKeyMaterial load(Path pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "key store path must not be null");
        Objects.requireNonNull(password, "key store password must not be null");
        try {
            KeyStore store = Pkcs12.read(pkcs12, password);
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey key)
                    || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalStateException("audit key store " + pkcs12 + " has no key entry named '" + ALIAS + "'");
            }
            AuditKeyMaterial material = new AuditKeyMaterial(key, certificate);
            requireKeyMatchesCertificate(material, pkcs12);
            return material;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("audit key store " + pkcs12 + " does not exist", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("audit key store " + pkcs12 + " cannot be opened: wrong password");
            }
            throw new IllegalStateException("audit key store " + pkcs12 + " cannot be read: " + e.getMessage(), e);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("audit key in " + pkcs12 + " cannot be opened: wrong password");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit key store " + pkcs12 + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 audit key", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keys, Instant now) {
        X500Name name = new X500Name(SUBJECT);
        SubjectPublicKeyInfo publicKey = Certificates.subjectPublicKeyInfo(keys.getPublic());
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, Certificates.randomSerial(),
                Certificates.date(now), Certificates.date(notAfter), name, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(publicKey));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the audit key certificate's extensions", e);
        }
        return Certificates.sign(builder, keys.getPrivate());
    }

    /** A key store whose key and certificate do not belong together would write checkpoints nobody can verify. */
    private static void requireKeyMatchesCertificate(AuditKeyMaterial material, Path pkcs12) {
        byte[] probe = "certrenewal audit key check".getBytes(StandardCharsets.US_ASCII);
        if (!CheckpointSignatures.verify(material.certificate().getPublicKey(), probe,
                CheckpointSignatures.sign(material.privateKey(), probe))) {
            throw new IllegalStateException("audit key store " + pkcs12 + ": the key does not belong to the certificate");
        }
    }
}
