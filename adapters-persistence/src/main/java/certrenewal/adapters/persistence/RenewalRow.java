package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** {@code openLoginId} repeats {@code loginId} while the renewal is open; see the migration. */
@MappedEntity("renewal")
record RenewalRow(
        @Id UUID id,
        String loginId,
        String state,
        @Nullable String openLoginId,
        String oldSerial,
        @Nullable String newSerial,
        Instant startedAt,
        @Nullable Instant issuedAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant endedAt,
        @Nullable String reasonCode,
        @Nullable String reasonMessage,
        long version) {
}
