package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The staff certificates against embedded H2 (in memory, PostgreSQL mode), see application-h2staffcerts.yml. */
@MicronautTest(environments = "h2staffcerts", transactional = false)
class H2StaffCertificateTest extends StaffCertificateContractTest {
}
