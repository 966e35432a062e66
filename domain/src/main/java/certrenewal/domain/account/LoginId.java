package certrenewal.domain.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A login ID of a contract (管理者ID or 利用者ID): 1 to 32 letters, digits, '.', '_' or '-'. */
public record LoginId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public LoginId {
        Objects.requireNonNull(value, "login ID must not be null");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("login ID must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
    }

    /** The login ID {@code text} names, or empty when it is no login ID (typed input, a path). */
    public static Optional<LoginId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new LoginId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
