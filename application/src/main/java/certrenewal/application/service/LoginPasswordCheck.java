package certrenewal.application.service;

import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.domain.account.LoginId;
import java.util.Optional;

/** Compares a typed login password with the stored hash, taking as long for an unknown ID or a missing hash. */
final class LoginPasswordCheck {
    private final PasswordPort passwords;
    private final PasswordHasherPort hasher;
    /** Compared against when the ID or its password is unknown, so that the answer takes as long as for a known one. */
    private final String decoyHash;

    LoginPasswordCheck(PasswordPort passwords, PasswordHasherPort hasher) {
        this.passwords = passwords;
        this.hasher = hasher;
        this.decoyHash = hasher.decoyHash();
    }

    boolean matches(LoginId id, char[] password) {
        Optional<String> stored = passwords.loadPasswordHash(id);
        return hasher.matches(password, stored.orElse(decoyHash)) && stored.isPresent();
    }

    /** Takes as long as {@link #matches} and is never right. */
    void matchDecoy(char[] password) {
        hasher.matches(password, decoyHash);
    }
}
