package certrenewal.adapters.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Development only: the self-signed issuer of the HTTPS server's certificate on the development default, a key of
 * its own beside the server's key store, so that the client CA never certifies a server. Its certificate is written
 * as PEM next to its key store ({@code issuer.p12} → {@code issuer.crt}): the trust anchor for {@code curl --cacert}
 * and browsers against the development server. Production has no such issuer: the operator brings the server's key
 * store.
 */
public final class DevelopmentTlsIssuer {
    static final String SUBJECT = "CN=Certrenewal Development TLS Issuer,O=Example Bank,C=JP";

    private DevelopmentTlsIssuer() {
    }

    /**
     * Loads the issuer from {@code pkcs12}, or creates it there when the file does not exist; an existing file is
     * never replaced. Writes its certificate to {@link #certificateFile} unless that file holds it already.
     *
     * @throws UnusableKeyStoreException if the file exists but cannot be used
     */
    public static CaKeyMaterial loadOrCreate(Path pkcs12, char[] password, Clock clock) {
        CaKeyMaterial issuer = CaKeyStore.loadOrCreate(pkcs12, password, CaKeyType.P256, SUBJECT, clock);
        Path pem = certificateFile(pkcs12);
        if (!holds(pem, issuer)) {
            ClientCredentials.writePem(pem, issuer.certificate());
        }
        return issuer;
    }

    /** Where the issuer's certificate is written: beside its key store, with the extension {@code .crt}. */
    public static Path certificateFile(Path pkcs12) {
        String name = pkcs12.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return pkcs12.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".crt");
    }

    private static boolean holds(Path pem, CaKeyMaterial issuer) {
        if (!Files.isRegularFile(pem)) {
            return false;
        }
        try {
            // the JDK's parser reads PEM as well as DER
            return Certificates.parse(Files.readAllBytes(pem)).equals(issuer.certificate());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
