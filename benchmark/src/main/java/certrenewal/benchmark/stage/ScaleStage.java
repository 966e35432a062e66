package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.port.in.console.ViewDashboardUseCase;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.measure.Percentiles;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Timing;
import certrenewal.benchmark.scale.ConsoleLookups;
import certrenewal.benchmark.scale.NoticeLookup;
import certrenewal.benchmark.scale.ScaleDataGenerator;
import certrenewal.benchmark.scale.ScaleDataSet;
import certrenewal.benchmark.scale.ScaleShape;
import certrenewal.benchmark.system.InProcessSystem;
import certrenewal.benchmark.system.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Look-ups at scale: PostgreSQL filled with a million certificates (by default) over 300,000 IDs,
 * then, through the use cases, the notice look-up a login does and the console's dashboard, search
 * and CRL (issue 4) where the app wires them.
 */
public final class ScaleStage {
    static final String SCHEMA = "bench_scale";
    private static final double TARGET_MILLIS = 100;
    private static final double CRL_TARGET_MILLIS = 2000;
    private static final int CRL_SAMPLES = 3;

    private final BenchmarkSettings settings;

    public ScaleStage(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public void run(Optional<Postgres> postgres, Path workDir, Report report) {
        ScaleShape shape = new ScaleShape(settings.scaleCertificates(), settings.scaleIds());
        String size = String.format("%,d certificates over %,d IDs", shape.certificates(), shape.ids());
        if (!settings.scale() || postgres.isEmpty()) {
            String why = !settings.scale() ? "skipped: run with -Dbenchmark.scale=true (fills PostgreSQL, a few minutes)"
                    : "skipped: PostgreSQL not reachable";
            report.scale(Timing.notMeasured("notice look-up at login, " + size, "p95", TARGET_MILLIS, why));
            report.scale(Timing.notMeasured("console dashboard, " + size, "p95", TARGET_MILLIS, why));
            report.scale(Timing.notMeasured("console search, " + size, "p95", TARGET_MILLIS, why));
            report.scale(Timing.notMeasured("CRL generation, about 100,000 revoked entries", "p50", CRL_TARGET_MILLIS, why));
            return;
        }
        try {
            measure(postgres.get(), shape, size, workDir, report);
        } catch (SQLException e) {
            throw new IllegalStateException("scale stage failed", e);
        }
    }

    private void measure(Postgres postgres, ScaleShape shape, String size, Path workDir, Report report)
            throws SQLException {
        boolean reuse;
        try (Connection connection = postgres.connect(SCHEMA)) {
            reuse = !settings.scaleRegenerate() && ScaleDataSet.holds(connection, shape);
        }
        Path caDir = workDir.resolve("scale");
        try (InProcessSystem system = reuse ? InProcessSystem.postgres(postgres, SCHEMA, caDir)
                : InProcessSystem.postgresEmptied(postgres, SCHEMA, caDir);
             Connection connection = postgres.connectForBulkLoad(SCHEMA)) {
            if (system.count("SELECT CASE WHEN current_setting('autovacuum') = 'on' THEN 1 ELSE 0 END") == 0) {
                report.note("This PostgreSQL runs with autovacuum off: the generator VACUUMs its tables as autovacuum"
                        + " would, or index-only scans would visit the table.");
            }
            if (reuse) {
                report.note("Scale: reused the data set already in PostgreSQL schema " + SCHEMA
                        + " (-Dbenchmark.scale.regenerate=true makes it anew).");
            } else {
                generate(system, connection, shape, size, report);
            }
            int warmUps = Math.max(50, settings.scaleLookups() / 10);
            List<byte[]> presented = NoticeLookup.currentCertificatesOfRandomIds(connection, shape,
                    warmUps + settings.scaleLookups());
            NoticeLookup.Latencies latencies = new NoticeLookup(system.use(AuthenticateCertificateUseCase.class),
                    system.use(GetCertificateOverviewUseCase.class)).time(presented, warmUps);
            report.scale(new Timing("notice look-up at login, " + size, Optional.of(latencies.total()), "p95",
                    TARGET_MILLIS, "PostgreSQL; authenticate the certificate + certificate overview; random IDs, one caller"));
            report.scale(new Timing("— of which: authenticate the certificate", Optional.of(latencies.authenticate()),
                    "p95", Double.NaN, ""));
            report.scale(new Timing("— of which: certificate overview", Optional.of(latencies.overview()),
                    "p95", Double.NaN, ""));
            System.out.printf("Scale: notice look-up p95 %.2f ms%n", latencies.total().p95());
            List<String> serials = presented.stream()
                    .map(der -> ClientCredentials.parse(der).getSerialNumber().toString(16)).toList();
            console(system, shape, size, serials, report);
            crl(system, report);
        }
    }

    private static void generate(InProcessSystem system, Connection connection, ScaleShape shape, String size,
                                 Report report) throws SQLException {
        System.out.println("Scale: generating " + size + " in PostgreSQL schema " + SCHEMA + " ...");
        long start = System.nanoTime();
        ScaleDataGenerator.Written written = ScaleDataSet.generate(connection, shape,
                system.use(CertificateAuthorityPort.class));
        report.note(String.format("Scale: generated %,d contracts, %,d IDs, %,d certificates (%,d revoked for key"
                        + " compromise), %,d renewals by batched JDBC inserts in %.0f s.", written.contracts(),
                written.ids(), written.certificates(), written.revoked(), written.renewals(),
                (System.nanoTime() - start) / 1e9));
    }

    private void console(InProcessSystem system, ScaleShape shape, String size, List<String> serials, Report report) {
        Optional<ViewDashboardUseCase> dashboardView = system.find(ViewDashboardUseCase.class);
        Optional<SearchRecordsUseCase> search = system.find(SearchRecordsUseCase.class);
        if (dashboardView.isEmpty() || search.isEmpty()) {
            report.scale(Timing.notMeasured("console dashboard, " + size, "p95", TARGET_MILLIS, notWired("ViewDashboardUseCase")));
            report.scale(Timing.notMeasured("console search, " + size, "p95", TARGET_MILLIS, notWired("SearchRecordsUseCase")));
            return;
        }
        ConsoleLookups lookups = new ConsoleLookups(dashboardView.get(), search.get(), shape, settings.limit());
        int samples = Math.max(20, settings.scaleLookups() / 20);
        Percentiles dashboard = lookups.dashboard(samples);
        report.scale(new Timing("console dashboard, " + size, Optional.of(dashboard), "p95", TARGET_MILLIS,
                "one caller, as staff see it: figures kept up to a minute, counted anew in the background"));
        Optional<ConsoleQueryPort> queries = system.find(ConsoleQueryPort.class);
        if (queries.isPresent()) {
            Percentiles counting = ConsoleLookups.dashboardCount(queries.get(), Math.max(5, samples / 10), settings.limit());
            report.scale(new Timing("— counting the dashboard anew (every 30 s in the background)", Optional.of(counting),
                    "p95", Double.NaN, "ConsoleQueryPort.dashboard"));
            if (counting.p95() >= TARGET_MILLIS) {
                report.finding(Findings.DASHBOARD);
            }
        }
        List<ConsoleLookups.SearchKind> kinds = lookups.searches(samples, serials);
        Optional<Percentiles> slowest = kinds.stream().map(ConsoleLookups.SearchKind::latency)
                .max(Comparator.comparingDouble(Percentiles::p95));
        report.scale(new Timing("console search, " + size + ", slowest kind below", slowest, "p95", TARGET_MILLIS,
                "first page of 50, sorted by expiry; one caller"));
        kinds.forEach(k -> report.scale(new Timing("— search " + k.what(), Optional.of(k.latency()), "p95", Double.NaN, "")));
        if (kinds.stream().anyMatch(k -> k.what().equals(ConsoleLookups.BY_LOGIN_ID_PREFIX) && k.latency().p95() >= TARGET_MILLIS)) {
            report.finding(Findings.PREFIX_SEARCH);
        }
    }

    private void crl(InProcessSystem system, Report report) {
        long entries = system.count("SELECT COUNT(*) FROM certificate WHERE status IN ('REVOKED', 'SUPERSEDED')"
                + " AND not_after > CURRENT_TIMESTAMP");
        String what = String.format("CRL generation, %,d revoked unexpired entries", entries);
        Optional<GetCrlUseCase> crl = system.find(GetCrlUseCase.class);
        if (crl.isEmpty()) {
            report.scale(Timing.notMeasured(what, "p50", CRL_TARGET_MILLIS, notWired("GetCrlUseCase")));
            return;
        }
        Duration limit = settings.limit().multipliedBy(3);
        Percentiles latency = ConsoleLookups.crl(crl.get(), CRL_SAMPLES, limit);
        report.scale(new Timing(what, Optional.of(latency), "p50", CRL_TARGET_MILLIS,
                "publishCrl: read, build and sign; median of " + CRL_SAMPLES));
        Optional<RevocationListPort> revocations = system.find(RevocationListPort.class);
        if (revocations.isPresent()) {
            Percentiles reading = ConsoleLookups.revokedUnexpired(revocations.get(), CRL_SAMPLES, limit);
            report.scale(new Timing("— of which: reading the entries (RevocationListPort)", Optional.of(reading), "p50",
                    Double.NaN, ""));
            if (reading.p50() >= latency.p50() / 2) {
                report.finding(Findings.CRL_READ);
            }
        }
    }

    private static String notWired(String useCase) {
        return "not measured: the app does not wire " + useCase;
    }
}
