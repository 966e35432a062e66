package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter against PostgreSQL (database "test" on 127.0.0.1, schema certrenewal_adapter_test,
 * emptied by Flyway clean first), see application-pgtest.yml. Skipped when no server runs,
 * unless {@code postgres.required=true}.
 */
@ExtendWith(PostgresAvailability.class) // before @MicronautTest: checked before the context starts
@MicronautTest(environments = "pgtest", transactional = false)
class PostgresPersistenceAdapterTest extends PersistenceAdapterContractTest {
}
