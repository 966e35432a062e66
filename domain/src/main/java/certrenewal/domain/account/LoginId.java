package certrenewal.domain.account;

import java.util.Objects;
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

    @Override
    public String toString() {
        return value;
    }
}
