package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The notice queue against embedded H2 (in memory, PostgreSQL mode), see application-h2notices.yml. */
@MicronautTest(environments = "h2notices", transactional = false)
class H2NoticeQueueTest extends NoticeQueueContractTest {
}
