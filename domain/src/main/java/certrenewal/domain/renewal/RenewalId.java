package certrenewal.domain.renewal;

import java.util.Objects;
import java.util.UUID;

public record RenewalId(UUID value) {
    public RenewalId {
        Objects.requireNonNull(value, "renewal ID must not be null");
    }

    public static RenewalId random() {
        return new RenewalId(UUID.randomUUID());
    }

    public static RenewalId parse(String text) {
        return new RenewalId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
