package certrenewal.benchmark.system;

import certrenewal.adapters.pki.ClientCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The HTTPS server's key and certificate as the app's embedded default made them ({@code tls/server.p12} under the
 * data directory, with the development password of application.yml), issued by the development TLS issuer
 * ({@code tls/issuer.crt}): every TLS line serves with it, so one client trust serves them all.
 */
public record ServerTlsKey(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    private static final char[] DEVELOPMENT_PASSWORD = "development-tls-password".toCharArray();

    public static ServerTlsKey of(Path dataDir) {
        Path tls = dataDir.resolve("tls");
        try (InputStream in = Files.newInputStream(tls.resolve("server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, DEVELOPMENT_PASSWORD);
            String alias = store.aliases().nextElement();
            Certificate[] chain = store.getCertificateChain(alias);
            return new ServerTlsKey((PrivateKey) store.getKey(alias, DEVELOPMENT_PASSWORD), (X509Certificate) chain[0],
                    ClientCredentials.parse(Files.readAllBytes(tls.resolve("issuer.crt"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server key store under " + tls, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the server key store under " + tls, e);
        }
    }

    /** The key store file, for a server started on it. */
    public static Path keyStoreFile(Path dataDir) {
        return dataDir.resolve("tls").resolve("server.p12");
    }

    /** The development TLS issuer's key store file, for a server started on it (never used to issue here). */
    public static Path issuerFile(Path dataDir) {
        return dataDir.resolve("tls").resolve("issuer.p12");
    }

    /** Writes certificate and key as PEM files (for cfssl's {@code -tls-cert} and {@code -tls-key}). */
    public void writePem(Path certificateFile, Path keyFile) {
        ClientCredentials.writePem(certificateFile, certificate);
        ClientCredentials.writePem(keyFile, key);
    }
}
