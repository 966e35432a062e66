package certrenewal.domain.account;

import java.util.Objects;

/** A corporate customer of the bank (ご契約先); its name goes into the subject of every certificate it holds. */
public record Contract(ContractNumber number, String name) {
    public Contract {
        Objects.requireNonNull(number, "contract number must not be null");
        Objects.requireNonNull(name, "contract name must not be null");
        name = name.strip();
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("contract name must have 1 to 64 characters");
        }
    }
}
