package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.CertificateAuthorityPort;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** "caKey": the CA key signs (a few fixed bytes, verified with the CA certificate; no certificate is issued). */
@Singleton
@Readiness
final class CaKeyHealthIndicator extends BlockingHealthIndicator {
    private final CertificateAuthorityPort authority;

    CaKeyHealthIndicator(CertificateAuthorityPort authority, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        super("caKey", executor);
        this.authority = authority;
    }

    @Override
    Outcome check() {
        authority.checkSigningKey();
        return Outcome.up(Map.of());
    }
}
