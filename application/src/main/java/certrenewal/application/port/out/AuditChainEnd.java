package certrenewal.application.port.out;

import java.util.Objects;

/**
 * Where the audit chain ends: its last record and that record's hash ({@code 0} and the genesis
 * hash while it is empty).
 */
public record AuditChainEnd(long lastSeq, String lastHash) {
    public AuditChainEnd {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("the chain's last record is not " + lastSeq);
        }
        Objects.requireNonNull(lastHash, "hash must not be null");
    }
}
