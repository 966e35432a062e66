package certrenewal.adapters.pki;

import java.security.PrivateKey;
import java.security.Provider;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Reuses initialised signers, which cost a provider look-up and a key conversion each. A signer is not
 * thread-safe, so each is lent to one caller at a time; a pool rather than a ThreadLocal suits virtual threads.
 */
final class SignerPool {
    private final SignatureProviders.SigningKey key;
    private final Queue<ContentSigner> idle = new ConcurrentLinkedQueue<>();

    SignerPool(PrivateKey key, SignatureProviders providers) {
        this.key = providers.forSigning(key); // converted once, for the provider that signs
        // made now, so that an unusable key fails here; the same kind of signer as every later one (until 2026-12-03
        // this first one was made from the unconverted key and signed with BouncyCastle, however AWS-LC was chosen)
        idle.offer(Certificates.signer(this.key));
    }

    /** The provider its signers sign with, by name: AWS-LC's, BouncyCastle's, or the token's ({@code token}). */
    String signingProvider() {
        return key.provider().map(Provider::getName).orElse("token");
    }

    X509CertificateHolder sign(X509v3CertificateBuilder builder) {
        return withSigner(builder::build);
    }

    /** Lends a signer to {@code sign}, for structures signed without a BouncyCastle builder, such as the CRL. */
    <T> T withSigner(Function<ContentSigner, T> sign) {
        ContentSigner signer = idle.poll();
        if (signer == null) {
            signer = Certificates.signer(key);
        }
        T signed = sign.apply(signer);
        // returned only after success: a failure may have left it holding part of a message
        idle.offer(signer);
        return signed;
    }
}
