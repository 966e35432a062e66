package certrenewal.adapters.persistence;

import io.micronaut.core.annotation.Introspected;

/** The password state columns of {@code login_account}. */
@Introspected
record PasswordStateRow(boolean passwordChangeRequired, long credentialEpoch) {
}
