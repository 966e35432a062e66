package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("staff_account")
record StaffAccountRow(
        @Id String username,
        String role,
        String passwordHash,
        int failedPasswordAttempts,
        @Nullable Instant lockedUntil,
        int lockouts,
        boolean disabled,
        boolean mustChangePassword,
        long sessionGeneration,
        long version) {
}
