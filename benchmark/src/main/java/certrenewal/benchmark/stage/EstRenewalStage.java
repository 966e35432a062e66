package certrenewal.benchmark.stage;

import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.EstClient;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.client.TlsClients;
import certrenewal.benchmark.measure.CpuProfile;
import certrenewal.benchmark.measure.CpuSides;
import certrenewal.benchmark.measure.GcLog;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.MemorySampler;
import certrenewal.benchmark.measure.SettledWarmUp;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.report.Timing;
import certrenewal.benchmark.system.InProcessSystem;
import certrenewal.benchmark.system.Postgres;
import certrenewal.benchmark.system.PostgresWaitSampler;
import certrenewal.benchmark.system.ServerTlsKey;
import certrenewal.benchmark.system.ServerProcess;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * (3) Renewals over HTTPS against the app in its own process: EST simplereenroll, each ID with its
 * own TLS client certificate on its own connection, several clients at once; on the embedded default
 * (H2) and on PostgreSQL. Also measures the
 * server's memory under this load and its start-up on an existing data directory.
 */
public final class EstRenewalStage {
    private final BenchmarkSettings settings;
    private final Path logDir;

    public EstRenewalStage(BenchmarkSettings settings, Path logDir) {
        this.settings = settings;
        this.logDir = logDir;
    }

    /**
     * Where the server runs and how its stored renewals are checked afterwards.
     *
     * @param key the result's key, e.g. {@code est.h2}
     * @param dataDir the app's data directory (CA, and the H2 file on the embedded default)
     * @param serverProperties system properties for the server beyond the data directory, e.g. its database
     * @param stored opens the system the server ran on, to count what it stored
     * @param waitsOf the PostgreSQL server to sample wait events on during the timed phase, if the app runs on it
     * @param settledWhen a log line the server writes when its start's own work is done (the console's bootstrap
     *     accounts on a database without them, two password hashes): the load waits for it
     */
    public record Target(String key, String database, Path dataDir, List<String> serverProperties,
                         Supplier<InProcessSystem> stored, Optional<Postgres> waitsOf, Optional<String> settledWhen) {

        /** The embedded default as {@link StartupStage} left it: H2 file, demo data, its own TLS key store. */
        public static Target embedded(Path dataDir) {
            return new Target("est.h2", "H2 (embedded default)", dataDir, List.of(),
                    () -> InProcessSystem.embedded(dataDir), Optional.empty(), Optional.empty());
        }

        /**
         * The app on PostgreSQL in {@code schema} as the PostgreSQL issuance left it (production's database), with the
         * CA of {@code dataDir} and the server key store of {@code tlsDataDir}, so that the same client trust serves.
         */
        public static Target postgres(Postgres postgres, String schema, Path dataDir, Path tlsDataDir) {
            return new Target("est.postgres", "PostgreSQL", dataDir, List.of(
                    "-Ddatasources.default.url=" + postgres.url(schema),
                    "-Ddatasources.default.driver-class-name=org.postgresql.Driver",
                    "-Ddatasources.default.username=" + postgres.user(),
                    "-Ddatasources.default.password=",
                    "-Dflyway.datasources.default.schemas=" + schema,
                    "-Dcertrenewal.demo.enabled=false",
                    "-Dcertrenewal.tls.keystore=" + ServerTlsKey.keyStoreFile(tlsDataDir).toAbsolutePath(),
                    "-Dcertrenewal.tls.development-issuer=" + ServerTlsKey.issuerFile(tlsDataDir).toAbsolutePath()),
                    () -> InProcessSystem.postgres(postgres, schema, dataDir), Optional.of(postgres),
                    Optional.of(StartupStage.BOOTSTRAP_DONE));
        }

        private String label(String what) {
            return key.equals("est.h2") ? "app: " + what : "app on " + database + ": " + what;
        }
    }

    /**
     * @param clients one TLS context per ID (its certificate, the server's issuer trusted); each renews once
     * @param requests the new keys' requests, one per ID
     */
    public void run(Target target, TlsClients clients, List<KeyAndRequest> requests, Report report) {
        int count = clients.count();
        String name = target.key().replace('.', '-');
        Path gcLog = logDir.resolve("server-" + name + "-gc.log");
        Path recording = logDir.resolve("server-" + name + ".jfr");
        Instant loadStarted;
        Instant loadEnded;
        SettledWarmUp.Outcome warmUp;
        Measurement measured;
        CpuSides.Used cpuUsed;
        LongAdder handshakeNanos = new LongAdder();
        List<String> flags = new ArrayList<>(ServerProcess.classArchiveFlags(StartupStage.classArchive(logDir)));
        if (settings.profile()) {
            flags.addAll(CpuProfile.jvmFlags(recording));
        }
        flags.addAll(target.serverProperties());
        flags.addAll(settings.serverFlags());
        try (ServerProcess server = ServerProcess.start(ServerProcess.appClasspath(), target.dataDir(),
                logDir.resolve("server-" + name + ".log"), gcLog, flags)) {
            Duration serving = server.awaitServing(StartupStage.LIMIT);
            report.startup(Timing.single("start-up of the EST server on " + target.database() + ", existing data"
                            + (settings.profile() ? ", JFR recording on" : ""), serving.toMillis(), Double.NaN,
                    "restart with " + (clients.warmUps() + count) + " more IDs; no CA, TLS or demo set-up"));
            target.settledWhen().ifPresent(line -> {
                if (!server.awaitLogLine(line, StartupStage.LIMIT)) {
                    throw new IllegalStateException("the EST server on " + target.database() + " did not log: " + line);
                }
            });
            EstClient est = new EstClient(server.port());
            LoadRun.Operation renew = i -> {
                EstClient.Reply reply = est.simpleReenroll(clients.get(i), requests.get(i).pkcs10Der());
                if (reply.status() != 200) {
                    throw new IllegalStateException("HTTP " + reply.status() + ": " + reply.body().strip());
                }
                handshakeNanos.add(reply.handshakeNanos());
            };
            LoadRun load = new LoadRun(settings.threads(), renew);
            CpuSides cpu = CpuSides.separateProcess(server.pid());
            try (MemorySampler memory = new MemorySampler(server.pid())) {
                warmUp = SettledWarmUp.run(load, clients.warmUps(), settings.warmUpRound(), settings.limit(),
                        cpu::compilerNanos);
                handshakeNanos.reset();
                loadStarted = Instant.now();
                CpuSides.Reading before = cpu.start();
                try (PostgresWaitSampler waits = target.waitsOf().map(PostgresWaitSampler::new).orElse(null)) {
                    measured = load.phase(warmUp.used(), count, settings.limit());
                    cpuUsed = before.since(measured.operations());
                    if (waits != null) {
                        report.evidence("PostgreSQL, EST renewals with " + settings.threads() + " clients: " + waits.summary());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot stop sampling", e);
                }
                loadEnded = Instant.now();
                reportMemory(target, memory.result(), report);
            }
        }
        reportHeap(target, GcLog.read(gcLog), report);
        report.evidence("(3) EST on " + target.database() + ": " + warmUp.describe() + "; timed phase: " + cpuUsed.describe());
        double averageMillis = measured.operations() == 0 ? 0 : handshakeNanos.sum() / 1e6 / measured.operations();
        report.evidence(String.format(Locale.ROOT,
                "EST on %s: the TLS handshake (full, with client certificate; new connection per ID) took %.1f ms on"
                        + " average of a renewal's p50 of %.1f ms, measured at the client", target.database(),
                averageMillis, measured.latency().p50()));
        if (settings.profile()) {
            report.evidence("EST server on " + target.database() + " under load (JFR), Java CPU during the timed phase: "
                    + CpuProfile.of(recording, loadStarted, loadEnded, CodeAreas.EST));
        }
        String stored = stored(target, warmUp.used() + measured.operations());
        System.out.printf("(3) EST on %s: %.0f renewals/s; %s%n", target.database(), measured.throughput(), stored);
        report.add(Result.measured(target.key(), "3", "EST simplereenroll over HTTPS → " + target.database(),
                settings.threads() + " clients, one TLS connection per ID", measured, stored));
    }

    private static void reportMemory(Target target, MemorySampler.MemoryUse use, Report report) {
        report.memory(target.label("peak RSS sampled under EST load"), String.format(Locale.ROOT, "%.0f MiB", use.peakRssMib()));
        report.memory(target.label("VmHWM (peak RSS since its start)"), String.format(Locale.ROOT, "%.0f MiB", use.highWaterMib()));
    }

    private String flagsNote() {
        if (settings.serverFlags().isEmpty()) {
            return "default JVM flags: G1, max heap 1/4 of RAM";
        }
        return "JVM flags " + String.join(" ", settings.serverFlags())
                + (settings.serverFlags().equals(BenchmarkSettings.RECOMMENDED_SERVER_FLAGS) ? ", as the README recommends" : "");
    }

    private void reportHeap(Target target, GcLog gc, Report report) {
        report.memory(target.label("heap, peak used before a GC / peak committed"), String.format(Locale.ROOT,
                "%.0f MiB / %.0f MiB (%s)", gc.peakUsedMib(), gc.peakCommittedMib(), flagsNote()));
        report.memory(target.label("GC over start-up and EST load"), String.format(Locale.ROOT, "%d collections, %.0f ms paused in all",
                gc.collections(), gc.pauseMillis()));
    }

    /** Every renewal answered 200 must be stored as an issued renewal with its certificate and audit entry. */
    private static String stored(Target target, long renewed) {
        try (InProcessSystem system = target.stored().get()) {
            // first: the check seals what is still pending, so that the counts below see every entry
            String chain = system.firstBrokenAuditEntry().map(seq -> "audit chain BROKEN at " + seq).orElse("audit chain intact");
            long renewals = system.count("SELECT COUNT(*) FROM renewal r JOIN certificate c ON c.serial = r.new_serial"
                    + " WHERE r.state = 'ISSUED'");
            long audited = system.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RENEWAL_ISSUED' AND outcome = 'SUCCESS'");
            String verdict = renewals == renewed && audited == renewed ? "all stored" : "MISMATCH";
            return String.format("%s: %d renewed (warm-up incl.), %d renewals with their certificate and %d audit entries"
                    + " stored, %s", verdict, renewed, renewals, audited, chain);
        }
    }
}
