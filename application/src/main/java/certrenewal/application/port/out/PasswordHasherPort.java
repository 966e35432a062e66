package certrenewal.application.port.out;

/** A slow, salted one-way hash for login passwords. */
public interface PasswordHasherPort {
    String hash(char[] password);

    /** Compares in constant time; false for a hash it cannot read. */
    boolean matches(char[] password, String hash);

    /**
     * A hash of the current format and cost that no password matches, made without hashing:
     * comparing against it takes as long as against a real one, so that an unknown name is
     * refused in the time a known one takes.
     */
    String decoyHash();
}
