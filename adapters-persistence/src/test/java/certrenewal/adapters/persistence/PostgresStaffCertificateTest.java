package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The staff certificates against PostgreSQL, in a database of their own ({@value #DATABASE}, made when missing,
 * emptied by Flyway clean), see application-pgstaffcerts.yml. Skipped when no server runs, unless
 * {@code postgres.required=true}.
 */
@ExtendWith({PostgresAvailability.class, PostgresStaffCertificateTest.OwnDatabase.class}) // before @MicronautTest
@MicronautTest(environments = "pgstaffcerts", transactional = false)
class PostgresStaffCertificateTest extends StaffCertificateContractTest {
    static final String DATABASE = "certrenewal_staffcerts_test";

    static final class OwnDatabase implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            PostgresNoticeQueueTest.OwnDatabase.create(DATABASE);
        }
    }
}
