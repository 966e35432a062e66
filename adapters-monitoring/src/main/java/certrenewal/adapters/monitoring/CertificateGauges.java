package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.OperationsQueryPort;
import certrenewal.application.readmodel.CertificateCounts;
import certrenewal.domain.certificate.CertificateStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Gauges of the certificates: {@code certrenewal_certificates{status}} (active, superseded, revoked, expired) and
 * {@code certrenewal_certificates_expiring{within_days}}, the active ones expiring within 7 and 30 days and within
 * the renewal window, what cert-manager users alert on. One query counts them all; its result is kept for
 * {@code certrenewal.monitoring.figures-max-age}, so that a scrape (every gauge reads it) costs one query at most.
 */
@Singleton
final class CertificateGauges implements MeterBinder {
    static final String CERTIFICATES = "certrenewal.certificates";
    static final String EXPIRING = "certrenewal.certificates.expiring";

    /** Looked up at the first scrape: the data source asks for the meter registry, which binds these gauges. */
    private final Provider<OperationsQueryPort> figures;
    private final Clock clock;
    private final Duration maxAge;
    private final List<Duration> horizons;
    private CertificateCounts counted; // guarded by this

    CertificateGauges(Provider<OperationsQueryPort> figures, Clock clock,
                      @Value("${certrenewal.monitoring.figures-max-age:30s}") Duration maxAge,
                      @Value("${certrenewal.renewal.window-days:40}") int windowDays) {
        this.figures = figures;
        this.clock = clock;
        this.maxAge = maxAge;
        this.horizons = Stream.of(7, 30, windowDays).distinct().sorted()
                .map(Duration::ofDays).toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CertificateStatus status : CertificateStatus.values()) {
            Gauge.builder(CERTIFICATES, this, gauges -> gauges.counts().byStatus().getOrDefault(status, 0L))
                    .description("Certificates by status").tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (Duration horizon : horizons) {
            Gauge.builder(EXPIRING, this, gauges -> gauges.counts().activeExpiringWithin().getOrDefault(horizon, 0L))
                    .description("Active certificates expiring within the number of days")
                    .tag("within_days", Long.toString(horizon.toDays())).register(registry);
        }
    }

    /** The counts, counted anew when older than the maximum age (or when the clock went back). */
    synchronized CertificateCounts counts() {
        Instant now = clock.instant();
        if (counted == null || now.isBefore(counted.asOf()) || !now.isBefore(counted.asOf().plus(maxAge))) {
            counted = figures.get().certificateCounts(now, horizons);
        }
        return counted;
    }
}
