package certrenewal.adapters.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PKCS#12 files through the JDK key store: since JDK 18 it protects them with AES-256 and PBKDF2,
 * which OpenSSL 3 and browsers read without legacy options.
 */
final class Pkcs12 {
    private Pkcs12() {
    }

    static void write(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            PrivateFiles.write(file, encode(alias, key, chain, password));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot build the PKCS#12 key store for " + file, e);
        }
    }

    /** The PKCS#12 file's bytes: key and chain (end entity first) under {@code password}. */
    static byte[] encode(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    /** @throws IOException also when the password is wrong, with an {@code UnrecoverableKeyException} as cause */
    static KeyStore read(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
