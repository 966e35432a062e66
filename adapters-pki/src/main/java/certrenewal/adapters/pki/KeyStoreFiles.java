package certrenewal.adapters.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.Date;

/** Opening and judging the PKCS#12 files that hold the CA's and the server's keys, with one message per problem. */
final class KeyStoreFiles {
    private static final String DAMAGED = "cannot be read as PKCS#12: the file is damaged or in another format";

    private KeyStoreFiles() {
    }

    /** @throws UnusableKeyStoreException if the file is missing, unreadable, damaged or locked with another password */
    static KeyStore open(String kind, Path pkcs12, char[] password) {
        if (Files.isDirectory(pkcs12)) {
            throw new UnusableKeyStoreException(kind, pkcs12, "is a directory, not a PKCS#12 file");
        }
        try {
            return Pkcs12.read(pkcs12, password);
        } catch (NoSuchFileException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "does not exist");
        } catch (AccessDeniedException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "cannot be read: permission denied");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                // PKCS#12 cannot tell them apart: its integrity check fails either way
                throw new UnusableKeyStoreException(kind, pkcs12,
                        "cannot be opened: wrong password, or the file is damaged");
            }
            throw new UnusableKeyStoreException(kind, pkcs12, DAMAGED);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, DAMAGED);
        }
    }

    /** A key entry read from a key store file: its private key and its certificate. */
    record KeyEntry(PrivateKey privateKey, X509Certificate certificate) {
    }

    /**
     * Opens {@code pkcs12} and reads the key entry {@code alias} (key protected by the store's password).
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    static KeyEntry keyEntry(String kind, Path pkcs12, char[] password, String alias) {
        KeyStore store = open(kind, pkcs12, password);
        Key key;
        Certificate certificate;
        try {
            key = store.getKey(alias, password);
            certificate = store.getCertificate(alias);
        } catch (UnrecoverableKeyException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "holds a key that cannot be opened with the key store's"
                    + " password");
        } catch (GeneralSecurityException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "cannot be read: " + e.getClass().getSimpleName());
        }
        if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
            throw new UnusableKeyStoreException(kind, pkcs12, "has no key entry named '" + alias + "'");
        }
        return new KeyEntry(privateKey, x509);
    }

    /** @throws UnusableKeyStoreException unless the key is EC or RSA with at least 2048 bits */
    static void requireSigningKey(String kind, Path pkcs12, PrivateKey key, PublicKey certified) {
        // by algorithm and the certified key: a key inside a token (PKCS#11) shows neither its curve nor its modulus
        boolean ec = "EC".equals(key.getAlgorithm()) && certified instanceof ECKey;
        boolean rsa = "RSA".equals(key.getAlgorithm()) && certified instanceof RSAKey rsaKey
                && rsaKey.getModulus().bitLength() >= 2048;
        if (!ec && !rsa) {
            String what = certified instanceof RSAKey rsaKey ? "an RSA key of " + rsaKey.getModulus().bitLength() + " bits"
                    : "a key of type " + key.getAlgorithm();
            throw new UnusableKeyStoreException(kind, pkcs12, "holds " + what + "; an EC key or an RSA key of at"
                    + " least 2048 bits is needed");
        }
        requireKeyMatchesCertificate(kind, pkcs12, key, certified);
    }

    /** A key store whose key and certificate were swapped or mixed up would sign what nobody can verify. */
    private static void requireKeyMatchesCertificate(String kind, Path pkcs12, PrivateKey key, PublicKey certified) {
        boolean matches;
        try {
            String algorithm = Certificates.signatureAlgorithm(key);
            byte[] probe = "certrenewal key check".getBytes(StandardCharsets.US_ASCII);
            // a key that cannot leave its token signs through the token's own provider
            Signature signer = SignatureProviders.SigningKey.inToken(key) ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, Certificates.BC);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, Certificates.BC);
            verifier.initVerify(certified);
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            matches = false;
        }
        if (!matches) {
            throw new UnusableKeyStoreException(kind, pkcs12, "holds a key that does not belong to its certificate");
        }
    }

    /** @throws UnusableKeyStoreException if the certificate is expired or not yet valid at the clock's time */
    static void requireCurrentlyValid(String kind, Path pkcs12, X509Certificate certificate, Clock clock) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "holds a certificate that expired on "
                    + certificate.getNotAfter().toInstant() + " (" + certificate.getSubjectX500Principal() + ")");
        } catch (CertificateNotYetValidException e) {
            throw new UnusableKeyStoreException(kind, pkcs12, "holds a certificate that is valid only from "
                    + certificate.getNotBefore().toInstant() + " (" + certificate.getSubjectX500Principal() + ")");
        }
    }

    /** True when {@code issuer}'s key signed {@code certificate} (and names match): no exception for a mere no. */
    static boolean isIssuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey(), Certificates.BC);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
