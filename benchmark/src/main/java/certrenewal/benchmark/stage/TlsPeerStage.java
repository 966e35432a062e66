package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.CaKeyType;
import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.CfsslClient;
import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.EstClient;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.client.TlsClients;
import certrenewal.benchmark.measure.CpuSides;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.MemorySampler;
import certrenewal.benchmark.measure.SettledWarmUp;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.system.CfsslCertdb;
import certrenewal.benchmark.system.CfsslServer;
import certrenewal.benchmark.system.HandshakeOnlyServer;
import certrenewal.benchmark.system.Postgres;
import certrenewal.benchmark.system.ServerTlsKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lines that do the EST line's TLS work without the app, with the same client (a new TLS connection with a
 * distinct client certificate per request, the same IDs, requests and clients):
 * (4m) the peer doing the same work as the app, {@code cfssl serve} with mutual TLS and its certdb in a PostgreSQL
 * database of its own; (5) the machine's limit, a server that only completes the handshake and answers a fixed body.
 */
public final class TlsPeerStage {
    /** cfssl's certdb gets a database of its own on the same server, apart from the app's. */
    static final String CFSSL_DATABASE = "benchmark_cfssl";
    private static final String CFSSL_SIGN = "/api/v1/cfssl/sign";

    private final BenchmarkSettings settings;
    private final Path workDir;

    public TlsPeerStage(BenchmarkSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /** (5) BoringSSL through Netty, the app's server key, client certificates of the bank's client CA required. */
    public void handshakeOnly(ServerTlsKey serverKey, X509Certificate clientCa, TlsClients clients,
                              List<KeyAndRequest> requests, Report report) {
        try (HandshakeOnlyServer server = HandshakeOnlyServer.start(serverKey, clientCa)) {
            refusesClientWithoutCertificate(server.port(), serverKey.issuer(), "the handshake-only server", "/");
            EstClient client = new EstClient(server.port());
            Measurement measured = load("(5) handshake only", clients, CpuSides.inThisJvm(HandshakeOnlyServer.THREADS),
                    i -> expect200(client.simpleReenroll(clients.get(i), requests.get(i).pkcs10Der()),
                            "handshake-only server"), report);
            System.out.printf("(5) handshake only: %.0f requests/s%n", measured.throughput());
            report.add(Result.measured("tls.handshake", "5", "handshake only: mutual TLS + fixed answer (BoringSSL via Netty)",
                    settings.threads() + " clients, one TLS connection with a client certificate per request", measured,
                    "the EST request posted, the body ignored; refuses a client without a certificate"));
        }
    }

    /** (4m) cfssl with mutual TLS (the bank's client CA) and its certdb in PostgreSQL; skipped without either. */
    public void cfsslMutualTls(ServerTlsKey serverKey, X509Certificate clientCa, TlsClients clients,
                               List<KeyAndRequest> requests, Optional<Postgres> server, Report report) {
        String what = "cfssl serve, mutual TLS, certdb → PostgreSQL (the same work as EST)";
        if (!Files.isExecutable(settings.cfssl())) {
            report.add(Result.skipped("cfssl.mtls", "4m", what, "cfssl not installed at " + settings.cfssl()));
            return;
        }
        Optional<Postgres> own = server.flatMap(p -> Postgres.reachable(p.serverUrl(), p.user(), CFSSL_DATABASE));
        if (own.isEmpty()) {
            report.add(Result.skipped("cfssl.mtls", "4m", what, "PostgreSQL not reachable at " + settings.postgresUrl()));
            return;
        }
        Path dir = workDir.resolve("cfssl-mtls");
        Path tlsCert = dir.resolve("server.pem");
        Path tlsKey = dir.resolve("server-key.pem");
        Path clientCaFile = dir.resolve("client-ca.pem");
        serverKey.writePem(tlsCert, tlsKey);
        ClientCredentials.writePem(clientCaFile, clientCa);
        CfsslCertdb certdb = CfsslCertdb.fresh(own.get());
        Path dbConfig = CfsslCertdb.writeConfig(own.get(), dir.resolve("db-config.json"));
        try (CfsslServer cfssl = CfsslServer.startMutualTls(settings.cfssl(), CaKeyType.P256, dir, tlsCert, tlsKey,
                clientCaFile, dbConfig);
             MemorySampler memory = new MemorySampler(cfssl.pid())) {
            refusesClientWithoutCertificate(cfssl.port(), serverKey.issuer(), "cfssl", CFSSL_SIGN);
            EstClient client = new EstClient(cfssl.port());
            LongAdder answered = new LongAdder();
            Measurement measured = load("(4m) cfssl mutual TLS + certdb", clients, CpuSides.separateProcess(cfssl.pid()), i -> {
                EstClient.Reply reply = client.post(clients.get(i), CFSSL_SIGN, "application/json",
                        CfsslClient.signRequest(requests.get(i).pkcs10Der()).getBytes(StandardCharsets.US_ASCII));
                expect200(reply, "cfssl");
                CfsslClient.requireCertificate(reply.body());
                answered.increment();
            }, report);
            // warm-up included: a phase may stop at its time limit before its last request
            long signed = answered.sum();
            long stored = certdb.storedGood();
            if (stored != signed) {
                throw new IllegalStateException("cfssl signed " + signed + " certificates but stored " + stored
                        + " in its certdb: the peer does not do the same work; see " + dir);
            }
            report.memory("cfssl mutual TLS + certdb: peak RSS under load",
                    String.format(Locale.ROOT, "%.0f MiB", memory.result().peakRssMib()));
            System.out.printf("(4m) cfssl mutual TLS + certdb: %.0f certificates/s%n", measured.throughput());
            report.add(Result.measured("cfssl.mtls", "4m", what, "P-256 CA, " + settings.threads()
                            + " clients, one TLS connection with a client certificate per request", measured,
                    String.format(Locale.ROOT, "all stored: %d signed (warm-up incl.), %d rows in its certdb;"
                            + " refuses a client without a certificate", signed, stored)));
        }
    }

    /**
     * Warm-up until the JIT settles, then the timed phase, as the EST line does; a warm-up failure fails the run. The
     * report gets the warm-up and where the timed phase's CPU went.
     */
    private Measurement load(String line, TlsClients clients, CpuSides cpu, LoadRun.Operation operation, Report report) {
        LoadRun load = new LoadRun(settings.threads(), operation);
        SettledWarmUp.Outcome warmUp = SettledWarmUp.run(load, clients.warmUps(), settings.warmUpRound(),
                settings.limit(), cpu::compilerNanos);
        CpuSides.Reading before = cpu.start();
        Measurement measured = load.phase(warmUp.used(), clients.count(), settings.limit());
        report.evidence(line + ": " + warmUp.describe() + "; timed phase: " + before.since(measured.operations()).describe());
        return measured;
    }

    private static void expect200(EstClient.Reply reply, String server) {
        if (reply.status() != 200) {
            throw new IllegalStateException(server + " answered HTTP " + reply.status() + ": " + reply.body().strip());
        }
    }

    /** A client that presents no certificate must not get an answer: fails the run otherwise. */
    private static void refusesClientWithoutCertificate(int port, X509Certificate serverIssuer, String server, String path) {
        EstClient.Reply reply;
        try {
            reply = new EstClient(port).post(ClientIdentity.withoutCertificate(serverIssuer), path, "application/json",
                    "{}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException refused) {
            return;
        }
        throw new IllegalStateException(server + " answered HTTP " + reply.status()
                + " to a client without a certificate: it must refuse the handshake");
    }
}
