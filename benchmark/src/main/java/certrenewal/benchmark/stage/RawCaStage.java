package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.BouncyCastleCertificateAuthority;
import certrenewal.adapters.pki.CaKeyStore;
import certrenewal.adapters.pki.CaKeyType;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.CertificateAuthorityPort.CheckedRequest;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.measure.CpuProfile;
import certrenewal.benchmark.measure.InProcessRecording;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * (1) The raw limit: the CA adapter alone, no database, one signing thread per core. "check + sign"
 * is the CA's whole share of an issuance (parse and verify the request, build, sign, pre-issuance
 * check); "sign only" leaves out the request check.
 */
public final class RawCaStage {
    private static final int DISTINCT_REQUESTS = 256;
    private static final int UNBOUNDED = 50_000_000;

    private final BenchmarkSettings settings;
    private final Path workDir;

    public RawCaStage(BenchmarkSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    public void run(Report report) {
        List<KeyAndRequest> requests = KeyAndRequest.generate(DISTINCT_REQUESTS, "raw-ca-");
        for (CaKeyType type : CaKeyType.values()) {
            CertificateAuthorityPort ca = new BouncyCastleCertificateAuthority(
                    CaKeyStore.loadOrCreate(workDir.resolve("raw-ca-" + type + ".p12"), "benchmark".toCharArray(),
                            type, "CN=Benchmark " + type + " CA,O=Example Bank,C=JP", Clock.systemUTC()),
                    URI.create("https://localhost/crl/ca.crl"));
            List<CheckedRequest> checked = requests.stream().map(r -> ca.checkRequest(r.pkcs10Der())).toList();
            String setup = type + " CA, P-256 client keys, " + settings.caThreads() + " threads";
            LoadRun checkAndSign = new LoadRun(settings.caThreads(),
                    i -> sign(ca, ca.checkRequest(requests.get(i % DISTINCT_REQUESTS).pkcs10Der()), i));
            // one warm-up per key type (the JIT compiles its curve or modular arithmetic), covering both phases' code
            checkAndSign.phase(0, UNBOUNDED, settings.caLimit());
            Path recorded = workDir.resolve("raw-ca-" + type + ".jfr");
            Instant started = Instant.now();
            Measurement full;
            try (InProcessRecording recording = settings.profile() ? new InProcessRecording(recorded) : null) {
                full = checkAndSign.phase(UNBOUNDED, UNBOUNDED, settings.caLimit());
            }
            if (settings.profile()) {
                CpuProfile.Profile cpu = CpuProfile.of(recorded, started, Instant.now(), CodeAreas.ISSUING);
                report.evidence("Raw CA, " + type + ", check request + sign (JFR in this JVM), Java CPU: " + cpu);
                if (cpu.share(CodeAreas.CA_SIGNING) < 0.33) {
                    report.finding(Findings.CA_CHECKS);
                }
            }
            Measurement signOnly = new LoadRun(settings.caThreads(), i -> sign(ca, checked.get(i % DISTINCT_REQUESTS), i))
                    .phase(0, UNBOUNDED, settings.caLimit());
            report.add(Result.measured("ca." + type, "1", "CA adapter: check request + sign", setup, full, ""));
            report.add(Result.measured("ca." + type + ".sign", "1", "CA adapter: sign only", setup, signOnly, ""));
            System.out.printf("(1) %s CA: %.0f certificates/s%n", type, full.throughput());
        }
    }

    private static void sign(CertificateAuthorityPort ca, CheckedRequest request, int index) {
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BigInteger serial = new BigInteger(128, ThreadLocalRandom.current()).setBit(127);
        ca.sign(request, new SubjectName("JP", "Benchmark Trading Co.", "9000001", "raw-ca-" + index),
                new SerialNumber(serial), notBefore, notBefore.plus(Duration.ofDays(365)));
    }
}
