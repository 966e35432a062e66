package certrenewal.adapters.pki;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Which provider makes and checks the CA's signatures, as {@link SignatureCode} chooses: Amazon's Corretto Crypto
 * Provider, AWS-LC's native code, where its library loads and passes its self-tests, else BouncyCastle. Every
 * issuance checks two signatures (the request's proof of possession, the CA's own on what it signed) and makes one.
 * On P-256 (2-core VM, 2026-12-03) a check took 80 µs there against 320 µs with BouncyCastle and 600 µs with the
 * JDK's SunEC, a signature 45 µs against 335 µs and 190 µs. An algorithm it does not offer (e.g. RSASSA-PSS with
 * parameters it refuses) falls back to BouncyCastle. A CA key inside a token (PKCS#11) signs there, as before. The
 * CA's start-up check of its own key ({@code checkSigningKey}) still verifies with BouncyCastle: a second, independent
 * implementation.
 */
final class SignatureProviders {
    /** The JCA names of the public key algorithms handed to the native provider. */
    private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            PKCSObjectIdentifiers.rsaEncryption, "RSA");
    private static final SignatureProviders BOUNCY_CASTLE_ONLY =
            new SignatureProviders(Optional.empty(), "BouncyCastle (AWS-LC switched off)");

    /** AWS-LC, when usable on this machine (the library ships for Linux x86_64). */
    private final Optional<Provider> nativeProvider;
    private final String description;

    private SignatureProviders(Optional<Provider> nativeProvider, String description) {
        this.nativeProvider = nativeProvider;
        this.description = description;
    }

    static SignatureProviders of(SignatureCode code) {
        return switch (code) {
            case AWS_LC_WHERE_USABLE -> AwsLc.PROVIDERS;
            case BOUNCY_CASTLE_ONLY -> BOUNCY_CASTLE_ONLY;
        };
    }

    /** Initialised on first use only, so that {@link SignatureCode#BOUNCY_CASTLE_ONLY} never loads the library. */
    private static final class AwsLc {
        static final SignatureProviders PROVIDERS = load();

        private static SignatureProviders load() {
            try {
                AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
                if (provider.getLoadingError() != null) {
                    return unusable(String.valueOf(provider.getLoadingError()));
                }
                provider.assertHealthy(); // its self-tests (known answers) passed
                return new SignatureProviders(Optional.of(provider),
                        "AWS-LC (Amazon Corretto Crypto Provider " + provider.getVersionStr() + ")");
            } catch (RuntimeException | LinkageError e) {
                // another platform, a temporary directory that forbids loading libraries, failed self-tests
                return unusable(e.toString());
            }
        }

        private static SignatureProviders unusable(String why) {
            return new SignatureProviders(Optional.empty(), "BouncyCastle (AWS-LC unusable here: " + why + ")");
        }
    }

    /**
     * What signs and checks here, for the start's log: {@code AWS-LC (Amazon Corretto Crypto Provider 2.5.0)}, or
     * BouncyCastle and why AWS-LC is not used.
     */
    String description() {
        return description;
    }

    boolean isNative() {
        return nativeProvider.isPresent();
    }

    /** Verifiers for signatures made with {@code key}: native where the key and the algorithm are offered there. */
    ContentVerifierProvider forKey(SubjectPublicKeyInfo key) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return false;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return null;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                Optional<ContentVerifier> nativeVerifier = nativeVerifier(key, algorithm);
                return nativeVerifier.isPresent() ? nativeVerifier.get()
                        : new JcaContentVerifierProviderBuilder().setProvider(Certificates.BC).build(key).get(algorithm);
            }
        };
    }

    /**
     * The native verifier of {@code algorithm} signatures by {@code key}, if offered. The key is converted here:
     * BouncyCastle's builder would ask the provider for a key factory by the algorithm's OID, which AWS-LC's does not
     * answer to.
     */
    Optional<ContentVerifier> nativeVerifier(SubjectPublicKeyInfo key, AlgorithmIdentifier algorithm) {
        String keyAlgorithm = KEY_ALGORITHMS.get(key.getAlgorithm().getAlgorithm());
        if (nativeProvider.isEmpty() || keyAlgorithm == null) {
            return Optional.empty();
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance(keyAlgorithm, nativeProvider.get())
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            return Optional.of(new JcaContentVerifierProviderBuilder().setProvider(nativeProvider.get()).build(publicKey)
                    .get(algorithm));
        } catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException notOffered) {
            return Optional.empty();
        }
    }

    /** A public key in the form of the provider that checks signatures with it. */
    record CheckingKey(PublicKey key, Provider provider) {
        /**
         * Verifies {@code certificate}'s signature with this key.
         *
         * @throws GeneralSecurityException if the signature does not verify, or cannot be checked
         */
        void verify(X509Certificate certificate) throws GeneralSecurityException {
            certificate.verify(key, provider);
        }
    }

    /**
     * {@code key} converted once into the form of the provider that will check with it (native where it takes the
     * key, else BouncyCastle), so that no check converts it again.
     *
     * @throws IllegalStateException if neither takes it
     */
    CheckingKey prepare(PublicKey key) {
        List<Provider> providers = nativeProvider.map(provider -> List.of(provider, Certificates.BC))
                .orElse(List.of(Certificates.BC));
        GeneralSecurityException refused = null;
        for (Provider provider : providers) {
            try {
                return new CheckingKey(KeyFactory.getInstance(key.getAlgorithm(), provider)
                        .generatePublic(new X509EncodedKeySpec(key.getEncoded())), provider);
            } catch (GeneralSecurityException e) {
                refused = e;
            }
        }
        throw new IllegalStateException("cannot check signatures with a " + key.getAlgorithm() + " public key", refused);
    }

    /** A private key and the provider that signs with it; none for a key in a token, which signs through the token's. */
    record SigningKey(PrivateKey key, Optional<Provider> provider) {
        /** {@code key} with BouncyCastle, or with its token's provider when it cannot leave the token (no encoding). */
        static SigningKey withoutNative(PrivateKey key, boolean inToken) {
            return new SigningKey(key, inToken ? Optional.empty() : Optional.of(Certificates.BC));
        }

        /** Whether {@code key} cannot leave its token (it has no encoding); the encoding asked for is zeroed at once. */
        static boolean inToken(PrivateKey key) {
            byte[] encoded = key.getEncoded();
            if (encoded == null) {
                return true;
            }
            Arrays.fill(encoded, (byte) 0);
            return false;
        }
    }

    /**
     * {@code key} converted once for the provider that will sign with it: a key in memory natively where AWS-LC
     * takes it, else with BouncyCastle; a key that cannot leave its token (no encoding) through the token's provider.
     */
    SigningKey forSigning(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || nativeProvider.isEmpty()) {
            return SigningKey.withoutNative(key, encoded == null);
        }
        try {
            return new SigningKey(KeyFactory.getInstance(key.getAlgorithm(), nativeProvider.get())
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded)), nativeProvider);
        } catch (GeneralSecurityException | RuntimeException notOffered) {
            return SigningKey.withoutNative(key, false);
        } finally {
            Arrays.fill(encoded, (byte) 0); // the copy of the private key, not left to the garbage collector
        }
    }
}
