package certrenewal.domain.account;

import certrenewal.domain.Rejection;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A new login password, as a person chose it: the bank's rule for login passwords holds for every
 * value. Kept as characters so that whoever is done with it can {@link #wipe()} it; never printed.
 */
public record LoginPassword(char[] characters) {
    /** Counted in Unicode code points, as a person counts what they typed. */
    public static final int MIN_LENGTH = 8;

    /** @throws IllegalArgumentException when {@link #problemWith} names a problem */
    public LoginPassword {
        Objects.requireNonNull(characters, "password must not be null");
        problemWith(characters).ifPresent(rejection -> {
            throw new IllegalArgumentException(rejection.message());
        });
        characters = characters.clone();
    }

    /** Why {@code candidate} cannot be a login password, or empty when it can. */
    public static Optional<Rejection> problemWith(char[] candidate) {
        Objects.requireNonNull(candidate, "password must not be null");
        if (Character.codePointCount(candidate, 0, candidate.length) < MIN_LENGTH) {
            return Optional.of(Rejection.of(Rejection.Code.PASSWORD_TOO_SHORT));
        }
        return Optional.empty();
    }

    @Override
    public char[] characters() {
        return characters.clone();
    }

    /** Overwrites the characters kept here. */
    public void wipe() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "LoginPassword[****]";
    }
}
