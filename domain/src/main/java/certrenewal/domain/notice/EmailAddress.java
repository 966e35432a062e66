package certrenewal.domain.notice;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login ID's contact e-mail address, where its expiry notices go: one {@code local@domain} mailbox of at most 254
 * characters, ASCII without spaces, quotes or angle brackets (nothing a mail header could be split with), the domain
 * with at least one dot. Stored as typed, except the domain in lower case.
 */
public record EmailAddress(String value) {
    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        Objects.requireNonNull(value, "e-mail address must not be null");
        if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address of the form name@example.jp");
        }
        int at = value.lastIndexOf('@');
        value = value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The address {@code text} names (blanks around it ignored), or empty when it is none. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_LENGTH && FORMAT.matcher(trimmed).matches()
                ? Optional.of(new EmailAddress(trimmed)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
