package certrenewal.adapters.monitoring;

import certrenewal.application.port.out.OperationsQueryPort;
import certrenewal.application.readmodel.CertificateCounts;
import certrenewal.domain.certificate.CertificateStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the certificates: {@code certrenewal_certificates{status}} (active, superseded, revoked, expired) and
 * {@code certrenewal_certificates_expiring{within_days}}, the active ones expiring within 7 and 30 days and within
 * the renewal window, what cert-manager users alert on.
 *
 * <p>One query counts them all (about a second at a million certificates). A scrape runs on the server's event loop,
 * so it never waits for that query once there are figures: figures older than
 * {@code certrenewal.monitoring.figures-max-age} are served once more while they are counted anew on the blocking
 * executor. Only the first scrape counts in place; a maximum age of zero counts at every read (tests).
 */
@Singleton
final class CertificateGauges implements MeterBinder {
    static final String CERTIFICATES = "certrenewal.certificates";
    static final String EXPIRING = "certrenewal.certificates.expiring";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateGauges.class);

    /** Looked up at the first scrape: the data source asks for the meter registry, which binds these gauges. */
    private final Provider<OperationsQueryPort> figures;
    private final Clock clock;
    private final Duration maxAge;
    private final List<Duration> horizons;
    private final ExecutorService executor;
    private final AtomicBoolean recounting = new AtomicBoolean();
    private volatile CertificateCounts counted;

    CertificateGauges(Provider<OperationsQueryPort> figures, Clock clock,
                      @Value("${certrenewal.monitoring.figures-max-age:30s}") Duration maxAge,
                      @Value("${certrenewal.renewal.window-days:40}") int windowDays,
                      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.figures = figures;
        this.clock = clock;
        this.maxAge = maxAge;
        this.executor = executor;
        this.horizons = Stream.of(7, 30, windowDays).distinct().sorted().map(Duration::ofDays).toList();
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

    /** The latest figures; counted in place only when there are none yet (or the maximum age is zero). */
    CertificateCounts counts() {
        CertificateCounts current = counted;
        if (current != null && isFresh(current)) {
            return current;
        }
        if (current == null || maxAge.isZero()) {
            synchronized (this) {
                if (counted == null || !isFresh(counted)) {
                    counted = count();
                }
                return counted;
            }
        }
        if (recounting.compareAndSet(false, true)) {
            try {
                executor.execute(this::recount);
            } catch (RejectedExecutionException e) {
                recounting.set(false); // shutting down
            }
        }
        return current;
    }

    private void recount() {
        try {
            counted = count();
        } catch (RuntimeException e) {
            LOG.warn("Counting the certificates for the metrics failed, serving the previous figures: {}", e.toString());
        } finally {
            recounting.set(false);
        }
    }

    private CertificateCounts count() {
        return figures.get().certificateCounts(clock.instant(), horizons);
    }

    /** Younger than the maximum age (figures from a clock set back count as stale). */
    private boolean isFresh(CertificateCounts figures) {
        Instant now = clock.instant();
        return !now.isBefore(figures.asOf()) && now.isBefore(figures.asOf().plus(maxAge));
    }
}
