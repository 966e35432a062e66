package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The adapter against embedded H2 (in memory, PostgreSQL mode), see application-h2test.yml. */
@MicronautTest(environments = "h2test", transactional = false)
class H2PersistenceAdapterTest extends PersistenceAdapterContractTest {
}
