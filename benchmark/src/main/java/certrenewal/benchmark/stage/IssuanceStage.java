package certrenewal.benchmark.stage;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.benchmark.BenchmarkSettings;
import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.benchmark.measure.CpuProfile;
import certrenewal.benchmark.measure.InProcessRecording;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Result;
import certrenewal.benchmark.system.InProcessSystem;
import certrenewal.benchmark.system.Postgres;
import certrenewal.benchmark.system.PostgresWaitSampler;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * (2) The first-issuance use case through the application and the CA into the database: each
 * certificate with its audit entry in one transaction. Timed with one caller and with several, so
 * that serialisation shows. The certificates are valid 30 days, inside the renewal window, so the
 * same IDs can renew over EST afterwards.
 */
public final class IssuanceStage {
    static final Actor ACTOR = new Actor.SystemTask("benchmark");
    /** The IDs' login password: the benchmark never logs in with it. */
    private static final String LOGIN_PASSWORD = "benchmark-password";
    private static final ContractNumber CONTRACT = new ContractNumber("9000001");
    private static final Duration VALIDITY = Duration.ofDays(30);

    /** The warm-up also issues the TLS lines' warm-up IDs, which they need in full. */
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(5);

    private static final Pattern AUDIT_APPEND = Pattern.compile("JdbcAuditTrail\\.append");

    private final BenchmarkSettings settings;
    private final Path workDir;

    public IssuanceStage(BenchmarkSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /**
     * Adds the results, and what they point to, to the report.
     *
     * @param key the results' key, e.g. {@code issue.h2}
     * @param sampleWaitsOf the PostgreSQL server to sample waits on while several callers issue; when empty,
     *                      and when profiling, this JVM's CPU and lock waits are recorded instead
     * @return every ID that got a certificate, warm-up included, in order, for the TLS lines: the first
     *     {@link BenchmarkSettings#serverWarmUps()} of them for their warm-ups
     */
    public List<ClientIdentity> run(InProcessSystem system, String key, String database, Optional<Postgres> sampleWaitsOf,
                                    Report report) {
        // the TLS lines' warm-up IDs are issued first, untimed: they warm this JVM up too
        int warmUps = settings.serverWarmUps() + settings.warmUps();
        int single = Math.max(20, settings.count() / 4);
        int total = warmUps + single + settings.count();
        List<LoginId> ids = register(system, total);
        List<KeyAndRequest> requests = KeyAndRequest.generate(total, "issue-");
        IssueCertificateUseCase issuance = system.use(IssueCertificateUseCase.class);
        AtomicReferenceArray<IssuedCertificate> issued = new AtomicReferenceArray<>(total);
        LoadRun.Operation issue = i -> issued.set(i, issuance.issue(
                new IssueCertificateCommand(ids.get(i), requests.get(i).pkcs10Der(), VALIDITY, ACTOR)));

        Measurement warmUp = new LoadRun(settings.threads(), issue).phase(0, warmUps, WARM_UP_LIMIT);
        if (warmUp.failures() > 0 || warmUp.operations() < warmUps) {
            throw new IllegalStateException("issued only " + warmUp.operations() + " of " + warmUps
                    + " warm-up certificates in " + WARM_UP_LIMIT + ": " + warmUp.firstFailure());
        }
        Measurement oneCaller = new LoadRun(1, issue).phase(warmUps, single, settings.limit());
        Measurement severalCallers;
        Path recorded = workDir.resolve(key + ".jfr");
        Instant started = Instant.now();
        try (PostgresWaitSampler sampler = sampleWaitsOf.map(PostgresWaitSampler::new).orElse(null);
             InProcessRecording recording = sampler == null && settings.profile() ? new InProcessRecording(recorded) : null) {
            severalCallers = new LoadRun(settings.threads(), issue).phase(warmUps + single, settings.count(), settings.limit());
            if (sampler != null) {
                report.evidence(database + ", issuance with " + settings.threads() + " callers: " + sampler.summary());
                if (sampler.averageSessions("on audit_pending") >= 1) {
                    report.finding(Findings.AUDIT_WAIT);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot stop sampling", e);
        }
        if (sampleWaitsOf.isEmpty() && settings.profile()) {
            Instant ended = Instant.now();
            double waited = CpuProfile.waitedShare(recorded, started, ended, AUDIT_APPEND,
                    settings.threads() * severalCallers.seconds());
            report.evidence(String.format(Locale.ROOT, "%s, issuance with %d callers (JFR in this JVM): callers spent"
                            + " %.0f%% of their time waiting inside the audit append; Java CPU: %s", database,
                    settings.threads(), 100 * waited, CpuProfile.of(recorded, started, ended, CodeAreas.ISSUING)));
            if (waited >= 0.1) {
                report.finding(Findings.AUDIT_WAIT);
            }
        }

        List<ClientIdentity> identities = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            IssuedCertificate certificate = issued.get(i);
            if (certificate != null) {
                identities.add(new ClientIdentity(ids.get(i), requests.get(i).keys(),
                        ClientCredentials.parse(certificate.certificate().der()),
                        ClientCredentials.parse(certificate.caChain().get(0))));
            }
        }
        String what = "issuance use case → " + database;
        report.add(Result.measured(key, "2", what, "P-256 CA, " + settings.threads() + " callers", severalCallers,
                stored(system, identities.size())));
        report.add(Result.measured(key + ".1caller", "2", what, "P-256 CA, 1 caller", oneCaller, ""));
        report.evidence(String.format(Locale.ROOT, "%s: %d callers issue %.2f× as fast as one (%.0f vs %.0f per second)",
                database, settings.threads(), severalCallers.throughput() / oneCaller.throughput(),
                severalCallers.throughput(), oneCaller.throughput()));
        return identities;
    }

    /** Registers the contract and its IDs through the use cases (untimed). */
    private List<LoginId> register(InProcessSystem system, int count) {
        system.use(OpenContractUseCase.class).open(new OpenContractCommand(ACTOR,
                new Contract(CONTRACT, "Benchmark Trading Co."), new LoginId("bench-admin"), password()));
        RegisterUserIdUseCase loginIds = system.use(RegisterUserIdUseCase.class);
        List<LoginId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new LoginId("bench-" + i));
        }
        Measurement registered = new LoadRun(settings.threads(), i -> loginIds.register(
                new RegisterUserIdCommand(ACTOR, CONTRACT, ids.get(i), password(), new char[0])))
                .phase(0, count, Duration.ofMinutes(5));
        if (registered.failures() > 0 || registered.operations() < count) {
            throw new IllegalStateException("registered only " + registered.operations() + " of " + count
                    + " IDs: " + registered.firstFailure());
        }
        return ids;
    }

    private static LoginPassword password() {
        return new LoginPassword(LOGIN_PASSWORD.toCharArray());
    }

    /** Checks that every certificate handed out was stored with its audit entry, and the audit chain holds. */
    private static String stored(InProcessSystem system, int handedOut) {
        // first: the check seals what is still pending, so that the counts below see every entry
        String chain = system.firstBrokenAuditEntry().map(seq -> "audit chain BROKEN at " + seq).orElse("audit chain intact");
        long certificates = system.count("SELECT COUNT(*) FROM certificate WHERE login_id LIKE 'bench-%'");
        long audited = system.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CERTIFICATE_ISSUED'"
                + " AND actor = '" + ACTOR.auditName() + "' AND outcome = 'SUCCESS'");
        String verdict = certificates == handedOut && audited == handedOut ? "all stored" : "MISMATCH";
        return String.format("%s: %d handed out (warm-up incl.), %d certificates and %d audit entries stored, %s",
                verdict, handedOut, certificates, audited, chain);
    }
}
