package certrenewal.adapters.pki;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Signatures with the audit key through the JDK's providers (which also reach a key that cannot
 * leave its token): SHA256withECDSA (DER, as OpenSSL writes and reads it), SHA256withRSA, or Ed25519.
 */
final class CheckpointSignatures {
    private CheckpointSignatures() {
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(algorithm(key));
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the " + key.getAlgorithm() + " audit key", e);
        }
    }

    /** False also for a signature that is not even well-formed. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm(key));
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("cannot verify with the " + key.getAlgorithm() + " audit key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no signature algorithm for the " + key.getAlgorithm() + " audit key", e);
        }
    }

    private static String algorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("cannot sign checkpoints with a " + key.getAlgorithm() + " key");
        };
    }
}
