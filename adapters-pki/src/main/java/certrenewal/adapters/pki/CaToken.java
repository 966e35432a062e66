package certrenewal.adapters.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the CA's key is kept in a PKCS#11 token (an HSM in production): the vendor's PKCS#11
 * module, the token's place in the module's list of slots with a token, the key's alias there and
 * the user PIN (from the environment, never logged).
 *
 * @param slotListIndex 0 for the first slot that holds a token ({@code pkcs11-tool --module … -L} lists them)
 */
public record CaToken(Path library, int slotListIndex, String alias, char[] pin) {
    public CaToken {
        Objects.requireNonNull(library, "PKCS#11 library must not be null");
        Objects.requireNonNull(alias, "key alias must not be null");
        Objects.requireNonNull(pin, "PIN must not be null");
        if (slotListIndex < 0 || alias.isBlank()) {
            throw new IllegalArgumentException("slot list index >= 0 and a key alias are needed");
        }
    }

    /** What the operator's messages say: never the PIN. */
    String describe() {
        return "CA key '" + alias + "' in the PKCS#11 token at slot list index " + slotListIndex + " of";
    }

    @Override
    public String toString() {
        return "CaToken[library=" + library + ", slotListIndex=" + slotListIndex + ", alias=" + alias + ", pin=(hidden)]";
    }
}
