package certrenewal.application.service;

import java.security.SecureRandom;

/**
 * Passwords a person reads off a screen or a letter and types: drawn from a CSPRNG, in an
 * alphabet without look-alikes (no 0/O/o, 1/l/I). 16 characters carry about 93 bits.
 */
final class RandomPasswords {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();

    String next(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
