package certrenewal.adapters.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key store that cannot be used as it is: missing, locked with another password, damaged, without the key it must
 * hold, or holding a certificate that must not or cannot be used. The message names the file and the problem and
 * is meant for the operator as it is; it never contains a password or key.
 */
public final class UnusableKeyStoreException extends IllegalStateException {
    private final transient Path file;

    UnusableKeyStoreException(String kind, Path file, String problem) {
        super(kind + " " + Objects.requireNonNull(file, "file must not be null") + " " + problem);
        this.file = file;
    }

    /** The key store concerned, as configured. */
    public Path file() {
        return file;
    }
}
