package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * A login ID's row with what a use case reads beside it in the same query: its contract's name, or its password
 * state (each query fills its own; the other columns are null). One read instead of two at every issuance and at
 * every customer request's session check.
 */
@Introspected
record AccountReadRow(
        String loginId,
        String contractNumber,
        String kind,
        String status,
        int failedPasswordAttempts,
        @Nullable String currentCertificateSerial,
        long version,
        @Nullable String contractName,
        @Nullable Boolean passwordChangeRequired,
        @Nullable Long credentialEpoch) {

    AccountRow account() {
        return new AccountRow(loginId, contractNumber, kind, status, failedPasswordAttempts, currentCertificateSerial, version);
    }
}
