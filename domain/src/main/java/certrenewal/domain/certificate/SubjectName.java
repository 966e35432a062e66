package certrenewal.domain.certificate;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.LoginId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The subject of a login ID's certificate, always built from the bank's records:
 * C=JP, O=contract name, OU=contract number, CN=login ID.
 */
public record SubjectName(String country, String organization, String organizationalUnit, String commonName) {
    /** Compiled once: every certificate read from the database has its subject. */
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public SubjectName {
        Objects.requireNonNull(country, "country must not be null");
        Objects.requireNonNull(organization, "organization must not be null");
        Objects.requireNonNull(organizationalUnit, "organizational unit must not be null");
        Objects.requireNonNull(commonName, "common name must not be null");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be two upper-case letters");
        }
        if (organization.isEmpty() || organizationalUnit.isEmpty() || commonName.isEmpty()) {
            // X.520 attribute values have at least one character
            throw new IllegalArgumentException("organization, organizational unit and common name must not be empty");
        }
    }

    public static SubjectName of(Contract contract, LoginId loginId) {
        return new SubjectName("JP", contract.name(), contract.number().value(), loginId.value());
    }

    /** RFC 4514 form, most specific first: {@code CN=..,OU=..,O=..,C=..}. */
    public String rfc4514() {
        return "CN=" + escape(commonName) + ",OU=" + escape(organizationalUnit)
                + ",O=" + escape(organization) + ",C=" + country;
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = ",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == value.length() - 1 && c == ' ');
            if (c == '\0') {
                out.append("\\00"); // RFC 4514, 2.4: NUL is escaped as a hex pair
                continue;
            }
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return rfc4514();
    }
}
