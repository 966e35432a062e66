package certrenewal.application.port.out;

/** A slow, salted one-way hash for login passwords. */
public interface PasswordHasherPort {
    String hash(char[] password);

    /** Compares in constant time; false for a hash it cannot read. */
    boolean matches(char[] password, String hash);
}
