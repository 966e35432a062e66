package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The password hash column is left out: it belongs to the later password login, and updates never touch it. */
@MappedEntity("login_account")
record AccountRow(
        @Id String loginId,
        String contractNumber,
        String kind,
        String status,
        int failedPasswordAttempts,
        @Nullable String currentCertificateSerial,
        long version) {
}
