package certrenewal.adapters.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.port.out.OperationsQueryPort;
import certrenewal.application.readmodel.CertificateCounts;
import certrenewal.domain.certificate.CertificateStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CertificateGaugesTest {
    private static final Instant T0 = Instant.parse("2026-12-02T07:00:00Z");

    private final Figures figures = new Figures();
    private final MovableClock clock = new MovableClock();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theFirstScrapeCountsAndLaterOnesWithinTheMaximumAgeDoNot() {
        gauges(Duration.ofSeconds(30));
        figures.active = 3;

        assertEquals(3, active());
        assertEquals(3, expiringWithin(30));
        clock.now = T0.plusSeconds(29);
        assertEquals(3, active());

        assertEquals(1, figures.queries);
        assertEquals(List.of(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(40)), figures.horizons);
    }

    @Test
    void staleFiguresAreServedOnceMoreWhileTheyAreCountedAnewOffTheScrapingThread() {
        gauges(Duration.ofSeconds(30));
        figures.active = 3;
        active();
        figures.active = 5;
        clock.now = T0.plusSeconds(31);

        assertEquals(3, active(), "the scrape does not wait for the query");
        assertEquals(3, active());
        assertEquals(1, executor.tasks.size(), "one recount at a time");
        executor.runAll();

        assertEquals(5, active());
        assertEquals(2, figures.queries);
    }

    @Test
    void aFailedRecountKeepsThePreviousFiguresAndIsTriedAgainAtTheNextScrape() {
        gauges(Duration.ofSeconds(30));
        figures.active = 3;
        active();
        clock.now = T0.plusSeconds(31);
        figures.failing = true;
        active();
        executor.runAll();

        assertEquals(3, active());
        figures.failing = false;
        figures.active = 4;
        executor.runAll();
        assertEquals(4, active());
    }

    @Test
    void aMaximumAgeOfZeroCountsAtEveryRead() {
        gauges(Duration.ZERO);
        figures.active = 1;
        assertEquals(1, active());
        figures.active = 2;
        assertEquals(2, active());
        assertEquals(0, executor.tasks.size());
    }

    private void gauges(Duration maxAge) {
        new CertificateGauges(() -> figures, clock, maxAge, 40, executor).bindTo(registry);
    }

    private double active() {
        return registry.get(CertificateGauges.CERTIFICATES).tag("status", "active").gauge().value();
    }

    private double expiringWithin(int days) {
        return registry.get(CertificateGauges.EXPIRING).tag("within_days", Integer.toString(days)).gauge().value();
    }

    private static final class Figures implements OperationsQueryPort {
        long active;
        boolean failing;
        int queries;
        List<Duration> horizons;

        @Override
        public void ping() {
        }

        @Override
        public CertificateCounts certificateCounts(Instant now, List<Duration> horizons) {
            if (failing) {
                throw new IllegalStateException("the database is gone");
            }
            queries++;
            this.horizons = horizons;
            Map<CertificateStatus, Long> byStatus = Map.of(CertificateStatus.ACTIVE, active, CertificateStatus.EXPIRED, 0L,
                    CertificateStatus.SUPERSEDED, 0L, CertificateStatus.REVOKED, 0L);
            return new CertificateCounts(byStatus,
                    horizons.stream().collect(Collectors.toMap(horizon -> horizon, horizon -> active)), now);
        }

        @Override
        public Optional<Instant> oldestUnsealedAuditEntry() {
            return Optional.empty();
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Runs what it is given when the test says so. */
    private static final class QueuedExecutor extends AbstractExecutorService {
        final List<Runnable> tasks = new ArrayList<>();

        void runAll() {
            List<Runnable> due = List.copyOf(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
