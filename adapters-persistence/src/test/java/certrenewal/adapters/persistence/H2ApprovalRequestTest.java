package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The dual-control requests against embedded H2 (in memory, PostgreSQL mode), see application-h2approvals.yml. */
@MicronautTest(environments = "h2approvals", transactional = false)
class H2ApprovalRequestTest extends ApprovalRequestContractTest {
}
