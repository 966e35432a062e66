package certrenewal.benchmark.stage;

import certrenewal.benchmark.report.Report;
import certrenewal.benchmark.report.Timing;
import certrenewal.benchmark.system.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Start-up of the runnable artifact ({@code app/target/certrenewal.jar}) as the README's "Faster starts" runs it,
 * on an existing data directory of the embedded default, to the first HTTPS answer: without a cache, and with the
 * JDK 25 AOT cache that one training run of the same jar wrote ({@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}). Skipped when the jar has not been built.
 */
public final class ArtifactStartupStage {
    static final double TARGET_MILLIS = 2000;
    /** The training run's JVM assembles the cache after SIGTERM: some 15 s on a quiet 2-core machine. */
    private static final Duration ASSEMBLY_LIMIT = Duration.ofMinutes(3);

    private final Path workDir;
    private final Path artifact;

    public ArtifactStartupStage(Path workDir, Path artifact) {
        this.workDir = workDir;
        this.artifact = artifact;
    }

    public void run(Report report) {
        if (!Files.isRegularFile(artifact)) {
            report.note("Start-up of the artifact with the AOT cache: skipped, no " + artifact
                    + " (mvn -DskipTests package builds it).");
            return;
        }
        Path dataDir = workDir.resolve("artifact");
        Path cache = workDir.resolve("certrenewal.aot");
        Duration training;
        try (ServerProcess server = start(dataDir, "artifact-training", List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath()))) {
            training = server.awaitServing(StartupStage.LIMIT);
            // the demo IDs are made just after the first answer: their classes belong in the cache as well
            if (!server.awaitLogLine("Demo contract", StartupStage.LIMIT)) {
                throw new IllegalStateException("the training run did not finish its demo set-up");
            }
            server.stop(ASSEMBLY_LIMIT);
        }
        System.out.printf("start-up (artifact, training run writing the AOT cache): %d ms%n", training.toMillis());
        Duration plain;
        try (ServerProcess server = start(dataDir, "artifact-restart", List.of())) {
            plain = server.awaitServing(StartupStage.LIMIT);
        }
        report.startup(Timing.single("restart of the artifact, no class archive or cache", plain.toMillis(), Double.NaN,
                "java -cp certrenewal.jar, existing data directory"));
        if (!Files.isRegularFile(cache)) {
            report.note("Start-up of the artifact with the AOT cache: the training run wrote no " + cache
                    + "; see artifact-training.log.");
            return;
        }
        Duration cached;
        try (ServerProcess server = start(dataDir, "artifact-aot-restart", List.of("-XX:AOTCache=" + cache.toAbsolutePath()))) {
            cached = server.awaitServing(StartupStage.LIMIT);
        }
        System.out.printf("start-up (artifact, AOT cache): %d ms (without: %d ms)%n", cached.toMillis(), plain.toMillis());
        report.startup(Timing.single("restart of the artifact with the AOT cache", cached.toMillis(), TARGET_MILLIS,
                "java -XX:AOTCache=… -cp certrenewal.jar, existing data directory (the training run's)"));
    }

    private ServerProcess start(Path dataDir, String name, List<String> flags) {
        return ServerProcess.start(artifact.toAbsolutePath().toString(), dataDir, workDir.resolve(name + ".log"),
                workDir.resolve(name + "-gc.log"), flags);
    }
}
