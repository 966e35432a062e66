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

    /** An upper bound, so that nobody makes the server hash megabytes; far above what a person types. */
    public static final int MAX_LENGTH = 128;

    /** How many of a holder's previous passwords a new one must differ from (the current one included). */
    public static final int REMEMBERED_PASSWORDS = 5;

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
        int length = Character.codePointCount(candidate, 0, candidate.length);
        if (length < MIN_LENGTH) {
            return Optional.of(Rejection.of(Rejection.Code.PASSWORD_TOO_SHORT));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Rejection.of(Rejection.Code.PASSWORD_TOO_LONG));
        }
        return Optional.empty();
    }

    /**
     * Why {@code candidate} cannot be the new password of the login ID or staff account named
     * {@code holderName}, or empty when it can: the rule for every login password, and it must not
     * contain the holder's name (compared without regard to case). Whether it is one of the holder's
     * {@link #REMEMBERED_PASSWORDS} last passwords only the holder's stored hashes can tell: the caller
     * answers {@link Rejection.Code#PASSWORD_RECENTLY_USED} for that.
     */
    public static Optional<Rejection> problemWith(char[] candidate, String holderName) {
        Objects.requireNonNull(holderName, "holder name must not be null");
        Optional<Rejection> general = problemWith(candidate);
        if (general.isPresent()) {
            return general;
        }
        String name = holderName.strip().toLowerCase(java.util.Locale.ROOT);
        if (!name.isEmpty() && new String(candidate).toLowerCase(java.util.Locale.ROOT).contains(name)) {
            return Optional.of(Rejection.of(Rejection.Code.PASSWORD_CONTAINS_NAME));
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
