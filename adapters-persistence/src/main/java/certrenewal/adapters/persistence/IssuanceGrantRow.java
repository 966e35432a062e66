package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("issuance_grant")
record IssuanceGrantRow(@Id String loginId, String passwordHash, Instant deadline) {
}
