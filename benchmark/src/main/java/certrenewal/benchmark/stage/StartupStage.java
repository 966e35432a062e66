package certrenewal.benchmark.stage;

import certrenewal.benchmark.measure.CpuProfile;
import certrenewal.benchmark.measure.ProcessMemory;
import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Timing;
import certrenewal.benchmark.system.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up on the embedded default in a fresh data directory: from starting the JVM to the first
 * answer on the HTTPS port. A fresh start creates the CA, the TLS key store, the H2 database with
 * its schema and the demo IDs. The first start of a build also writes the class-data sharing
 * archive (as the run profile does), so it is timed apart from a fresh start that finds one. When
 * profiling, a third fresh start records where its CPU goes.
 */
public final class StartupStage {
    static final double TARGET_MILLIS = 3000;
    static final Duration LIMIT = Duration.ofSeconds(90);
    /** What the embedded default logs once its start has made the console's bootstrap accounts (the last is the auditor). */
    static final String BOOTSTRAP_DONE = "bootstrap account created: auditor";

    private final Path workDir;
    private final boolean profile;

    public StartupStage(Path workDir, boolean profile) {
        this.workDir = workDir;
        this.profile = profile;
    }

    /** Where every start of the app in this run keeps its class-data sharing archive. */
    public static Path classArchive(Path workDir) {
        return workDir.resolve("app-classes.jsa");
    }

    public void run(Path freshDataDir, Report report) {
        try {
            Files.deleteIfExists(classArchive(workDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ServerProcess server = start(workDir.resolve("first-start"), "server-first-start", List.of())) {
            Duration serving = server.awaitServing(LIMIT);
            report.startup(Timing.single("first start of this build, fresh data directory (writes the class archive on exit)",
                    serving.toMillis(), Double.NaN, "once per build and JDK"));
            System.out.printf("start-up (first of this build): %d ms%n", serving.toMillis());
        }
        Duration serving;
        try (ServerProcess server = start(freshDataDir, "server-fresh-start", List.of())) {
            serving = server.awaitServing(LIMIT);
            report.startup(Timing.single("start-up, embedded default, fresh data directory", serving.toMillis(),
                    TARGET_MILLIS, "JVM start to the first HTTPS answer (EST cacerts)"));
            ProcessMemory.of(server.pid()).ifPresent(m -> report.memory("app: RSS at a fresh start's first answer (the demo set-up may still run)",
                    String.format(Locale.ROOT, "%.0f MiB", m.rssKib() / 1024.0)));
            // the demo IDs and the console's bootstrap accounts are made just after the first answer: the later stages
            // start on a complete data directory, and no later start hashes their passwords again
            if (!server.awaitLogLine("Demo contract", LIMIT) || !server.awaitLogLine(BOOTSTRAP_DONE, LIMIT)) {
                throw new IllegalStateException("the fresh start did not finish its demo and staff set-up");
            }
            report.startupTimeline(server.logTimeline());
            System.out.printf("start-up (fresh): %d ms%n", serving.toMillis());
        }
        try (ServerProcess server = start(freshDataDir, "server-restart", List.of())) {
            Duration restart = server.awaitServing(LIMIT);
            report.startup(Timing.single("start-up, embedded default, existing data directory", restart.toMillis(),
                    TARGET_MILLIS, "a restart on the data directory of the fresh start"));
            System.out.printf("start-up (restart): %d ms%n", restart.toMillis());
        }
        if (profile) {
            CpuProfile.Profile cpu = profiledStart();
            report.evidence("Start-up (a second fresh start, recorded with JFR), Java CPU up to serving: " + cpu);
            if (serving.toMillis() >= TARGET_MILLIS && cpu.share(CodeAreas.PASSWORD_HASHING) >= 0.15) {
                report.finding(Findings.STARTUP_HASHING);
            }
        }
    }

    private CpuProfile.Profile profiledStart() {
        Path recording = workDir.resolve("server-profiled-start.jfr");
        Instant started;
        Instant serving;
        try (ServerProcess server = start(workDir.resolve("profiled-start"), "server-profiled-start",
                CpuProfile.jvmFlags(recording))) {
            server.awaitServing(LIMIT);
            started = server.startedAt();
            serving = Instant.now();
        }
        return CpuProfile.of(recording, started, serving, CodeAreas.STARTUP);
    }

    private ServerProcess start(Path dataDir, String name, List<String> jvmFlags) {
        List<String> flags = new ArrayList<>(ServerProcess.classArchiveFlags(classArchive(workDir)));
        flags.addAll(jvmFlags);
        return ServerProcess.start(ServerProcess.appClasspath(), dataDir, workDir.resolve(name + ".log"),
                workDir.resolve(name + "-gc.log"), flags);
    }
}
