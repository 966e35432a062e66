package certrenewal.adapters.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;

/**
 * The CA's key in a PKCS#11 token, used through the JDK's SunPKCS11 provider: BouncyCastle builds
 * the certificates and CRLs around the token's signature, so everything the CA signs works as with
 * a key in a PKCS#12 file. The key is generated inside the token as a sensitive, never extractable
 * token object ({@link #loadOrCreate}, the set-up), and its self-signed CA certificate is stored in
 * the token beside it under the alias; {@link #load} (every start) only uses what is there.
 */
public final class CaTokenStore {
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    private CaTokenStore() {
    }

    /**
     * Loads the key and certificate stored under the alias; the production path, which never creates
     * or changes anything in the token.
     *
     * @throws UnusableKeyStoreException naming the module, slot and alias and the problem, never the PIN
     */
    public static CaKeyMaterial load(CaToken token, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        KeyStore store = open(token);
        CaKeyMaterial material = entry(token, store)
                .orElseThrow(() -> unusable(token, "holds no key with a certificate under that alias"));
        CaKeyStore.requireUsableCa(token.describe(), token.library(), material.privateKey(), material.certificate(), clock);
        return material;
    }

    /**
     * The set-up: loads the CA as {@link #load} does when the alias holds one; otherwise generates a
     * key pair inside the token (never extractable), issues the self-signed CA certificate for it and
     * stores it beside the key. Never replaces an entry.
     */
    public static CaKeyMaterial loadOrCreate(CaToken token, CaKeyType type, String caSubjectDn, Clock clock) {
        Objects.requireNonNull(type, "CA key type must not be null");
        Objects.requireNonNull(caSubjectDn, "CA subject must not be null");
        KeyStore store = open(token);
        if (entry(token, store).isPresent()) {
            return load(token, clock);
        }
        KeyPair keys = generateInToken(token, store.getProvider(), type);
        X509Certificate certificate = CaKeyStore.selfSign(keys, new X500Principal(caSubjectDn), clock.instant());
        try {
            store.setKeyEntry(token.alias(), keys.getPrivate(), null, new Certificate[] {certificate});
        } catch (GeneralSecurityException e) {
            throw unusable(token, "did not store the new CA certificate: " + e.getMessage());
        }
        return load(token, clock);
    }

    private static KeyStore open(CaToken token) {
        Provider provider = provider(token);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, token.pin());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            // a wrong PIN surfaces here: the message of the cause may name the PKCS#11 error, never the PIN
            throw unusable(token, "cannot be opened (wrong PIN, or no token at that slot): " + rootMessage(e));
        }
    }

    /**
     * A SunPKCS11 provider for the token, registered so that signatures with its keys find it; one
     * per token opened, each with a name of its own.
     */
    private static Provider provider(CaToken token) {
        String config = "--name=certrenewal-ca-" + PROVIDERS.incrementAndGet() + "\n"
                + "library=" + token.library() + "\n"
                + "slotListIndex=" + token.slotListIndex() + "\n"
                // keys generated here are token objects that never leave the token
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_PRIVATE = true\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n";
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw unusable(token, "cannot be used: this JDK has no SunPKCS11 provider");
        }
        try {
            Provider configured = base.configure(config);
            Security.addProvider(configured);
            return configured;
        } catch (RuntimeException e) {
            throw unusable(token, "cannot be used: " + rootMessage(e));
        }
    }

    private static Optional<CaKeyMaterial> entry(CaToken token, KeyStore store) {
        try {
            Key key = store.getKey(token.alias(), null);
            Certificate certificate = store.getCertificate(token.alias());
            if (key instanceof PrivateKey privateKey && certificate instanceof X509Certificate x509) {
                return Optional.of(new CaKeyMaterial(privateKey, x509));
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw unusable(token, "cannot be read: " + rootMessage(e));
        }
    }

    private static KeyPair generateInToken(CaToken token, Provider provider, CaKeyType type) {
        try {
            return switch (type) {
                case P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case RSA2048 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
                    generator.initialize(2048);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unusable(token, "cannot generate a " + type + " key: " + rootMessage(e));
        }
    }

    private static UnusableKeyStoreException unusable(CaToken token, String problem) {
        return new UnusableKeyStoreException(token.describe(), token.library(), problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
