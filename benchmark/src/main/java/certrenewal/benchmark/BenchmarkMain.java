package certrenewal.benchmark;

import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.client.TlsClients;
import certrenewal.benchmark.measure.SettledWarmUp;
import certrenewal.benchmark.report.JsonReport;
import certrenewal.benchmark.report.MarkdownReport;
import certrenewal.benchmark.report.Ratio;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.stage.ArtifactStartupStage;
import certrenewal.benchmark.stage.CfsslStage;
import certrenewal.benchmark.stage.EstRenewalStage;
import certrenewal.benchmark.stage.Findings;
import certrenewal.benchmark.stage.IssuanceStage;
import certrenewal.benchmark.stage.RawCaStage;
import certrenewal.benchmark.stage.ScaleStage;
import certrenewal.benchmark.stage.StartupStage;
import certrenewal.benchmark.stage.TlsPeerStage;
import certrenewal.benchmark.system.InProcessSystem;
import certrenewal.benchmark.system.Postgres;
import certrenewal.benchmark.system.ServerTlsKey;
import certrenewal.benchmark.system.SoftHsmToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every stage once, side by side on this machine, and writes the report to
 * {@code benchmark-report.md} and {@code benchmark-report.json} in the output folder.
 */
public final class BenchmarkMain {
    static final String POSTGRES_DATABASE = "benchmark";
    /** The PostgreSQL issuance's schema, on which the EST line on PostgreSQL renews afterwards. */
    static final String ISSUANCE_SCHEMA = "bench_issuance";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path work = freshFolder(settings.output().resolve("benchmark-work"));
        Report report = new Report();
        describeRun(settings, report);
        Optional<Postgres> postgres = Postgres.reachable(settings.postgresUrl(), "postgres", POSTGRES_DATABASE);

        new RawCaStage(settings, work).run(report);

        Path embedded = work.resolve("embedded");
        new StartupStage(work, settings.profile()).run(embedded, report);
        new ArtifactStartupStage(work, settings.artifact()).run(report);

        IssuanceStage issuance = new IssuanceStage(settings, work);
        List<ClientIdentity> withCertificates;
        try (InProcessSystem system = InProcessSystem.embedded(embedded)) {
            withCertificates = issuance.run(system, "issue.h2", "H2 file (embedded default)", Optional.empty(), report);
        }
        Path postgresDataDir = work.resolve("postgres");
        List<ClientIdentity> onPostgres = List.of();
        if (postgres.isPresent()) {
            try (InProcessSystem system = InProcessSystem.postgresEmptied(postgres.get(), ISSUANCE_SCHEMA, postgresDataDir)) {
                onPostgres = issuance.run(system, "issue.postgres", "PostgreSQL", postgres, report);
            }
        } else {
            report.add(Result.skipped("issue.postgres", "2",
                    "issuance use case → PostgreSQL", "PostgreSQL not reachable at " + settings.postgresUrl()));
        }
        StringBuilder noToken = new StringBuilder();
        Optional<SoftHsmToken> token = SoftHsmToken.fresh(noToken);
        if (token.isPresent()) {
            try (InProcessSystem system = InProcessSystem.embeddedWithToken(work.resolve("token"), token.get())) {
                issuance.run(system, "issue.token", "H2, CA key in a PKCS#11 token (SoftHSM2)", Optional.empty(), report);
            }
        } else {
            report.add(Result.skipped("issue.token", "2", "issuance use case → H2, CA key in a PKCS#11 token (SoftHSM2)",
                    noToken.toString()));
        }

        // Every TLS line: the same client, the same server key, a new connection with a distinct client certificate
        // per request, the same requests.
        ServerTlsKey serverKey = ServerTlsKey.of(embedded);
        TlsClients clients = TlsClients.of(withCertificates, serverKey.issuer(), settings.serverWarmUps(), settings.count());
        List<KeyAndRequest> requests = KeyAndRequest.generate(clients.warmUps() + clients.count(), "est-");
        X509Certificate clientCa = withCertificates.getFirst().ca();
        TlsPeerStage peers = new TlsPeerStage(settings, work);
        peers.handshakeOnly(serverKey, clientCa, clients, requests, report);
        peers.cfsslMutualTls(serverKey, clientCa, clients, requests, postgres, report);
        EstRenewalStage est = new EstRenewalStage(settings, work);
        est.run(EstRenewalStage.Target.embedded(embedded), clients, requests, report);
        if (postgres.isPresent()) {
            TlsClients onPostgresClients = TlsClients.of(onPostgres, serverKey.issuer(), settings.serverWarmUps(),
                    settings.count());
            est.run(EstRenewalStage.Target.postgres(postgres.get(), ISSUANCE_SCHEMA, postgresDataDir, embedded),
                    onPostgresClients, requests, report);
        } else {
            report.add(Result.skipped("est.postgres", "3", "EST simplereenroll over HTTPS → PostgreSQL",
                    "PostgreSQL not reachable at " + settings.postgresUrl()));
        }
        new CfsslStage(settings, work).run(report);
        new ScaleStage(settings).run(postgres, work, report);

        report.ratio(new Ratio("(2)/(1) issuance into H2 ÷ raw CA, P-256", "issue.h2", "ca.P256", 0.7));
        report.ratio(new Ratio("(2)/(1) issuance into PostgreSQL ÷ raw CA, P-256", "issue.postgres", "ca.P256", 0.7));
        report.ratio(new Ratio("(2) issuance, CA key in a token ÷ software key (both H2)", "issue.token", "issue.h2", Double.NaN));
        Ratio estOverPeer = new Ratio("(3)/(4m) EST into PostgreSQL ÷ cfssl mutual TLS + certdb", "est.postgres", "cfssl.mtls", 1.0);
        report.ratio(estOverPeer);
        report.ratio(new Ratio("(3)/(4m) EST into H2 ÷ cfssl mutual TLS + certdb", "est.h2", "cfssl.mtls", Double.NaN));
        report.ratio(new Ratio("(3)/(5) EST into H2 ÷ handshake only", "est.h2", "tls.handshake", 0.5));
        report.ratio(new Ratio("(3)/(5) EST into PostgreSQL ÷ handshake only", "est.postgres", "tls.handshake", 0.5));
        report.ratio(new Ratio("(4m)/(5) cfssl mutual TLS + certdb ÷ handshake only", "cfssl.mtls", "tls.handshake", Double.NaN));
        report.ratio(new Ratio("(3)/(1) EST renewals ÷ raw CA, P-256", "est.h2", "ca.P256", Double.NaN));
        report.ratio(new Ratio("(3)/(4) EST into H2 ÷ cfssl over plain HTTP storing nothing (reference)", "est.h2",
                "cfssl.P256", Double.NaN));
        report.ratio(new Ratio("(4)/(1) cfssl ÷ raw CA, P-256 (for scale)", "cfssl.P256", "ca.P256", Double.NaN));
        if (estOverPeer.value(report).orElse(estOverPeer.minimum()) < estOverPeer.minimum()) {
            report.finding(Findings.EST_COST);
        }
        report.environment("load average at the end (1, 5, 15 min)", loadAverage());
        explain(report);
        write(settings.output(), report);
    }

    private static void describeRun(BenchmarkSettings settings, Report report) {
        report.environment("when", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.environment("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.environment("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.environment("settings", String.format("%d callers/clients, %d timed operations per stage, at most"
                        + " %d s per timed phase (raw CA: %d s); warm-up: %d operations in process and for cfssl over"
                        + " plain HTTP, and for each TLS line rounds of %d requests until the JIT compilers use under"
                        + " %.0f%% of the machine, at most %d requests%s", settings.threads(), settings.count(),
                settings.limit().toSeconds(), settings.caLimit().toSeconds(), settings.warmUps(), settings.warmUpRound(),
                100 * SettledWarmUp.SETTLED, settings.serverWarmUps(), settings.quick() ? ", quick mode" : ""));
        report.environment("EST servers' JVM flags (benchmark.server.flags)", settings.serverFlags().isEmpty()
                ? "none: the JVM's defaults" : String.join(" ", settings.serverFlags())
                + (settings.serverFlags().equals(BenchmarkSettings.RECOMMENDED_SERVER_FLAGS) ? " (the README's recommendation)" : ""));
        report.environment("load average at the start (1, 5, 15 min)", loadAverage());
    }

    /** Other work on the machine skews every figure: the report says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void explain(Report report) {
        report.note("Load generators run on the same machine as the servers and take CPU from them; so do PostgreSQL"
                + " and cfssl. All figures compare stages of this one run.");
        report.note("(1) has no database and no network; (2) adds the application's transaction (account, contract,"
                + " certificate and audit entry) in-process, also with the CA key in a PKCS#11 token (SoftHSM2);"
                + " (3) adds HTTPS, EST, the TLS client-certificate authentication and the renewal's own records;"
                + " (4) cfssl over kept-alive plain HTTP signs and stores nothing (for reference); (4m) cfssl does the"
                + " same work as (3): mutual TLS with the bank's client CA, every certificate stored in its certdb in a"
                + " PostgreSQL database of its own; (5) a server that completes the mutual-TLS handshake (BoringSSL via"
                + " Netty, as the app) and answers a fixed body: what the handshake alone costs here.");
        report.note("(3), (4m) and (5) use one client: a new TLS connection with a distinct client certificate per"
                + " request (each ID renews once, so there is nothing to keep alive), the same IDs, requests and number"
                + " of clients (the JDK's TLS, in this JVM; TCP_NODELAY set and each request sent in one write, as curl"
                + " and browsers do: before 2026-12-02 every request waited about 40 ms for a delayed ACK). (4m) and (5)"
                + " are checked to refuse a client without a certificate, and (4m) to store a row per certificate signed;"
                + " the run fails otherwise.");
        report.note("Memory and start-up are of the app started as its own process: java -cp <app class path>"
                + " certrenewal.app.Application with the run profile's class-data sharing flags (the artifact's restarts:"
                + " java -cp certrenewal.jar, with and without the AOT cache); the EST servers also with"
                + " benchmark.server.flags (see the settings above).");
    }

    private static void write(Path output, Report report) throws IOException {
        String markdown = MarkdownReport.render(report);
        Files.writeString(output.resolve("benchmark-report.md"), markdown);
        Files.writeString(output.resolve("benchmark-report.json"), JsonReport.render(report));
        System.out.println();
        System.out.println(markdown);
        System.out.println("Report written to " + output.toAbsolutePath().resolve("benchmark-report.md") + " and .json");
    }

    /** An empty folder for this run's data directories, CA files and logs. */
    private static Path freshFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(folder);
    }
}
