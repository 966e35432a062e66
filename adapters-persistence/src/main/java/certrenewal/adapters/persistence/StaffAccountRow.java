package certrenewal.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("staff_account")
record StaffAccountRow(
        @Id String username,
        String role,
        String passwordHash,
        int failedPasswordAttempts,
        boolean locked,
        long version) {
}
