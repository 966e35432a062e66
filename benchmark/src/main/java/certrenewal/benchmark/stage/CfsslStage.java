package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.CaKeyType;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.CfsslClient;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.MemorySampler;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.system.CfsslServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * (4) The peer: {@code cfssl serve} signing the same kind of requests over its HTTP API with a CA of
 * the same key type, stores nothing. Skipped when cfssl is not installed.
 */
public final class CfsslStage {
    private static final int DISTINCT_REQUESTS = 512;

    private final BenchmarkSettings settings;
    private final Path workDir;

    public CfsslStage(BenchmarkSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    public void run(Report report) {
        String what = "cfssl serve, HTTP sign API (stores nothing)";
        if (!Files.isExecutable(settings.cfssl())) {
            for (CaKeyType type : CaKeyType.values()) {
                report.add(Result.skipped("cfssl." + type, "4", what, "cfssl not installed at " + settings.cfssl()));
            }
            return;
        }
        List<KeyAndRequest> requests = KeyAndRequest.generate(DISTINCT_REQUESTS, "cfssl-");
        for (CaKeyType type : CaKeyType.values()) {
            try (CfsslServer cfssl = CfsslServer.start(settings.cfssl(), type, workDir.resolve("cfssl-" + type));
                 CfsslClient client = new CfsslClient(cfssl.port());
                 MemorySampler memory = new MemorySampler(cfssl.pid())) {
                LoadRun load = new LoadRun(settings.threads(),
                        i -> client.sign(requests.get(i % DISTINCT_REQUESTS).pkcs10Der()));
                Measurement measured = load.run(settings.warmUps(), settings.limit(), settings.count(), settings.limit());
                report.memory("cfssl " + type + ": peak RSS under load",
                        String.format(Locale.ROOT, "%.0f MiB", memory.result().peakRssMib()));
                report.add(Result.measured("cfssl." + type, "4", what, type + " CA, P-256 client keys, "
                        + settings.threads() + " clients, keep-alive", measured, ""));
                System.out.printf("(4) cfssl %s: %.0f certificates/s%n", type, measured.throughput());
            }
        }
    }
}
