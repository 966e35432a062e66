package certrenewal.domain.account;

import java.util.Objects;

/** A corporate customer of the bank (ご契約先); its name goes into the subject of every certificate it holds. */
public record Contract(ContractNumber number, String name) {
    public Contract {
        Objects.requireNonNull(number, "contract number must not be null");
        Objects.requireNonNull(name, "contract name must not be null");
        name = name.strip();
        if (!isValidName(name)) {
            throw new IllegalArgumentException("contract name must have 1 to 64 characters");
        }
    }

    /** Whether {@code name} (surrounding blanks aside) can name a contract: 1 to 64 characters. */
    public static boolean isValidName(String name) {
        if (name == null) {
            return false;
        }
        String stripped = name.strip();
        // characters, not UTF-16 units: a name with supplementary characters (U+20BB7 and the like) may have 64 too
        int characters = stripped.codePointCount(0, stripped.length());
        return characters > 0 && characters <= 64;
    }
}
