package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.EstClient;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.measure.CpuProfile;
import certrenewal.benchmark.measure.GcLog;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.MemorySampler;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.report.Timing;
import certrenewal.benchmark.system.InProcessSystem;
import certrenewal.benchmark.system.ServerProcess;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * (3) Renewals over HTTPS against the app in its own process: EST simplereenroll, each ID with its
 * own TLS client certificate on its own connection, several clients at once. Also measures the
 * server's memory under this load and its start-up on an existing data directory.
 */
public final class EstRenewalStage {
    private final BenchmarkSettings settings;
    private final Path logDir;

    public EstRenewalStage(BenchmarkSettings settings, Path logDir) {
        this.settings = settings;
        this.logDir = logDir;
    }

    public void run(Path dataDir, List<ClientIdentity> identities, Report report) {
        int warmUps = Math.min(settings.warmUps(), identities.size() / 2);
        int count = Math.min(settings.count(), identities.size() - warmUps);
        // The client's set-up is not the server's work: keys, requests and TLS contexts are made first.
        List<KeyAndRequest> requests = KeyAndRequest.generate(warmUps + count, "est-");
        // the server's certificate comes from the development TLS issuer the in-process start wrote
        X509Certificate serverIssuer = ClientCredentials.parse(readAll(dataDir.resolve("tls").resolve("issuer.crt")));
        List<SSLContext> tls = identities.subList(0, warmUps + count).parallelStream()
                .map(identity -> identity.tlsContext(serverIssuer)).toList();
        Path gcLog = logDir.resolve("server-est-gc.log");
        Path recording = logDir.resolve("server-est.jfr");
        Instant loadStarted;
        Instant loadEnded;
        Measurement warmUp;
        Measurement measured;
        LongAdder handshakeNanos = new LongAdder();
        List<String> flags = new ArrayList<>(ServerProcess.classArchiveFlags(StartupStage.classArchive(logDir)));
        if (settings.profile()) {
            flags.addAll(CpuProfile.jvmFlags(recording));
        }
        try (ServerProcess server = ServerProcess.start(ServerProcess.appClasspath(), dataDir,
                logDir.resolve("server-est.log"), gcLog, flags)) {
            Duration serving = server.awaitServing(StartupStage.LIMIT);
            report.startup(Timing.single("start-up of the EST server, existing data directory" + (settings.profile()
                            ? ", JFR recording on" : ""), serving.toMillis(), Double.NaN,
                    "restart with " + identities.size() + " more IDs; no CA, TLS or demo set-up"));
            EstClient est = new EstClient(server.port());
            LoadRun.Operation renew = i -> {
                EstClient.Reply reply = est.simpleReenroll(tls.get(i), requests.get(i).pkcs10Der());
                if (reply.status() != 200) {
                    throw new IllegalStateException("HTTP " + reply.status() + ": " + reply.body().strip());
                }
                if (i >= warmUps) {
                    handshakeNanos.add(reply.handshakeNanos());
                }
            };
            try (MemorySampler memory = new MemorySampler(server.pid())) {
                warmUp = new LoadRun(settings.threads(), renew).phase(0, warmUps, settings.limit());
                loadStarted = Instant.now();
                measured = new LoadRun(settings.threads(), renew).phase(warmUps, count, settings.limit());
                loadEnded = Instant.now();
                reportMemory(memory.result(), report);
            }
        }
        reportHeap(GcLog.read(gcLog), report);
        double averageMillis = measured.operations() == 0 ? 0 : handshakeNanos.sum() / 1e6 / measured.operations();
        report.evidence(String.format(Locale.ROOT,
                "EST: the TLS handshake (full, with client certificate; new connection per ID) took %.1f ms on average"
                        + " of a renewal's p50 of %.1f ms, measured at the client", averageMillis, measured.latency().p50()));
        if (settings.profile()) {
            report.evidence("EST server under load (JFR), Java CPU during the timed phase: "
                    + CpuProfile.of(recording, loadStarted, loadEnded, CodeAreas.EST));
        }
        String stored = stored(dataDir, warmUp.operations() + measured.operations());
        System.out.printf("(3) EST: %.0f renewals/s; %s%n", measured.throughput(), stored);
        report.add(Result.measured("est.h2", "3", "EST simplereenroll over HTTPS → H2 (embedded default)",
                settings.threads() + " clients, one TLS connection per ID", measured, stored));
    }

    private static void reportMemory(MemorySampler.MemoryUse use, Report report) {
        report.memory("app: peak RSS sampled under EST load", String.format(Locale.ROOT, "%.0f MiB", use.peakRssMib()));
        report.memory("app: VmHWM (peak RSS since its start)", String.format(Locale.ROOT, "%.0f MiB", use.highWaterMib()));
    }

    private static void reportHeap(GcLog gc, Report report) {
        report.memory("app: heap, peak used before a GC / peak committed", String.format(Locale.ROOT,
                "%.0f MiB / %.0f MiB (default JVM flags: G1, max heap 1/4 of RAM)", gc.peakUsedMib(), gc.peakCommittedMib()));
        report.memory("app: GC over start-up and EST load", String.format(Locale.ROOT, "%d collections, %.0f ms paused in all",
                gc.collections(), gc.pauseMillis()));
    }

    /** Every renewal answered 200 must be stored as an issued renewal with its certificate and audit entry. */
    private static String stored(Path dataDir, long renewed) {
        try (InProcessSystem system = InProcessSystem.embedded(dataDir)) {
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

    private static byte[] readAll(Path pem) {
        try {
            return java.util.Base64.getMimeDecoder().decode(java.nio.file.Files.readString(pem)
                    .replaceAll("-----[A-Z ]+-----", "").strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
