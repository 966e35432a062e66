package certrenewal.application.port.in;

import java.util.Objects;

/**
 * Where a request came from, as the server resolved it (the client's IP address), for the audit
 * trail's records of anonymous callers. Kept to the characters of an address and at most 64 of
 * them, so that whatever a caller forges cannot reach a record or a log line as anything else.
 */
public record ClientAddress(String value) {
    /** A caller inside the server: a scheduled task, a set-up step, a benchmark. */
    public static final ClientAddress IN_PROCESS = new ClientAddress("in-process");
    private static final int MAX_LENGTH = 64;

    public ClientAddress {
        Objects.requireNonNull(value, "address must not be null");
        String kept = value.codePoints()
                .filter(c -> c < 128 && (Character.isLetterOrDigit(c) || ".:-_%[]".indexOf(c) >= 0))
                .limit(MAX_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        value = kept.isEmpty() ? "unknown" : kept;
    }

    /** The resolved address, or "unknown" when the server could not tell. */
    public static ClientAddress of(String resolved) {
        return new ClientAddress(resolved == null ? "" : resolved);
    }

    @Override
    public String toString() {
        return value;
    }
}
