package certrenewal.domain.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The bank's number for a corporate customer's contract: 1 to 20 letters or digits. */
public record ContractNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{1,20}");

    public ContractNumber {
        Objects.requireNonNull(value, "contract number must not be null");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("contract number must be 1 to 20 letters or digits: " + value);
        }
    }

    /** The contract number {@code text} names, or empty when it is none (typed input, a path). */
    public static Optional<ContractNumber> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new ContractNumber(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
