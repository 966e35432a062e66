package certrenewal.app;

import certrenewal.adapters.pki.CaKeyMaterial;
import certrenewal.adapters.pki.CaKeyType;
import certrenewal.adapters.pki.CaToken;
import certrenewal.adapters.pki.CaTokenStore;
import certrenewal.adapters.pki.UnusableKeyStoreException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * {@code java -jar certrenewal.jar ca-token-setup}: the one-time set-up of a CA key in a PKCS#11
 * token (an HSM), run by the operator, never by a start. Reads the token from the environment
 * ({@code CERTRENEWAL_CA_TOKEN_LIBRARY}, {@code _SLOT_LIST_INDEX} (0), {@code _ALIAS} ("ca"),
 * {@code _PIN}) and the CA's name ({@code CERTRENEWAL_CA_SUBJECT}, {@code CERTRENEWAL_CA_KEY_TYPE}
 * P256 or RSA2048); makes the key inside the token, where it cannot be extracted, and stores the
 * self-signed CA certificate beside it. A key already there is used, never replaced. Prints the CA
 * certificate (PEM) to standard output, to distribute as the trust anchor; the PIN goes nowhere.
 */
final class CaTokenSetUp {
    static final String COMMAND = "ca-token-setup";

    private CaTokenSetUp() {
    }

    /** @return the process's exit status: 0 when the token holds a usable CA key afterwards */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        String library = environment.getOrDefault("CERTRENEWAL_CA_TOKEN_LIBRARY", "");
        String pin = environment.getOrDefault("CERTRENEWAL_CA_TOKEN_PIN", "");
        String subject = environment.getOrDefault("CERTRENEWAL_CA_SUBJECT", "");
        if (library.isBlank() || pin.isEmpty() || subject.isBlank()) {
            err.println("Set CERTRENEWAL_CA_TOKEN_LIBRARY, CERTRENEWAL_CA_TOKEN_PIN and CERTRENEWAL_CA_SUBJECT"
                    + " (optional: CERTRENEWAL_CA_TOKEN_SLOT_LIST_INDEX, CERTRENEWAL_CA_TOKEN_ALIAS, CERTRENEWAL_CA_KEY_TYPE)");
            return 2;
        }
        CaToken token;
        CaKeyType type;
        try {
            token = new CaToken(Path.of(library),
                    Integer.parseInt(environment.getOrDefault("CERTRENEWAL_CA_TOKEN_SLOT_LIST_INDEX", "0")),
                    environment.getOrDefault("CERTRENEWAL_CA_TOKEN_ALIAS", "ca"), pin.toCharArray());
            type = CaKeyType.valueOf(environment.getOrDefault("CERTRENEWAL_CA_KEY_TYPE", "P256"));
        } catch (IllegalArgumentException e) {
            err.println("Unusable setting: " + e.getMessage());
            return 2;
        }
        try {
            CaKeyMaterial ca = CaTokenStore.loadOrCreate(token, type, subject, clock);
            err.println("The token holds the CA key " + token + " for " + ca.certificate().getSubjectX500Principal()
                    + " (valid until " + ca.certificate().getNotAfter().toInstant() + "); its certificate follows.");
            out.print(pem(ca));
            return 0;
        } catch (UnusableKeyStoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static String pem(CaKeyMaterial ca) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(ca.certificate().getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CA certificate", e);
        }
    }
}
