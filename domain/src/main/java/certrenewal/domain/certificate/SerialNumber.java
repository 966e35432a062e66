package certrenewal.domain.certificate;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A certificate serial number: positive and at most 20 octets (RFC 5280, 4.1.2.2). */
public record SerialNumber(BigInteger value) {
    /** Compiled once: every certificate read from the database parses its serial. */
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    public SerialNumber {
        Objects.requireNonNull(value, "serial number must not be null");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("serial number must be positive");
        }
        if (value.toByteArray().length > 20) {
            throw new IllegalArgumentException("serial number must fit in 20 octets");
        }
    }

    /** Parses lower- or upper-case hexadecimal, with or without ':' separators. */
    public static SerialNumber ofHex(String hex) {
        Objects.requireNonNull(hex, "serial number must not be null");
        String digits = hex.replace(":", "").strip();
        if (digits.isEmpty() || !HEX.matcher(digits).matches()) {
            throw new IllegalArgumentException("serial number must be hexadecimal");
        }
        return new SerialNumber(new BigInteger(digits, 16));
    }

    /** The serial {@code hex} names, or empty when it is none: not hexadecimal, zero, or longer than 20 octets. */
    public static Optional<SerialNumber> parseHex(String hex) {
        if (hex == null) {
            return Optional.empty();
        }
        String digits = hex.replace(":", "").strip();
        if (digits.isEmpty() || digits.length() > 64 || !HEX.matcher(digits).matches()) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(digits, 16);
        return value.signum() > 0 && value.toByteArray().length <= 20 ? Optional.of(new SerialNumber(value)) : Optional.empty();
    }

    /** Lower-case hexadecimal without separators, as OpenSSL prints it (less its upper case). */
    public String hex() {
        return value.toString(16);
    }

    @Override
    public String toString() {
        return hex();
    }
}
