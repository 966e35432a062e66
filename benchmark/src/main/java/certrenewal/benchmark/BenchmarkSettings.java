package certrenewal.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What to run and how long, from system properties {@code benchmark.*} (blank means the default).
 *
 * @param threads concurrent callers of the use cases, EST and cfssl
 * @param caThreads signing threads of the raw CA stage: one per core
 * @param count timed issuances, renewals and cfssl signatures per stage
 * @param serverWarmUps the most requests a TLS line's server gets before its timed phase (it stops earlier once the
 *     JIT has settled): the IDs issued for this in (2)'s warm-up
 * @param limit time limit of each timed phase
 * @param caLimit time limit of each raw CA phase (warm-up, check + sign, sign only), which has no count
 * @param scale whether to fill PostgreSQL with {@code scaleCertificates} and time the look-ups
 * @param profile whether to record the app's CPU with JFR (a second fresh start, and the EST load)
 * @param artifact the runnable jar whose start-up with an AOT cache is timed
 * @param serverFlags the EST servers' JVM flags: by default those the README recommends for a 2-core server
 *                    ({@link #RECOMMENDED_SERVER_FLAGS}); {@code none} for the JVM's defaults
 */
public record BenchmarkSettings(int threads, int caThreads, int count, int serverWarmUps, Duration limit, Duration caLimit,
                                String postgresUrl, Path cfssl, boolean scale, int scaleCertificates,
                                int scaleIds, int scaleLookups, boolean scaleRegenerate, Path output,
                                boolean quick, boolean profile, Path artifact,
                                List<String> serverFlags) {

    /** The README's recommendation for a 2-core server (section Memory): a serial collector and a 256 MiB heap. */
    public static final List<String> RECOMMENDED_SERVER_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    public static BenchmarkSettings fromSystemProperties() {
        boolean quick = read("benchmark.quick", Boolean::parseBoolean, false);
        int seconds = read("benchmark.seconds", Integer::parseInt, quick ? 8 : 20);
        return new BenchmarkSettings(
                read("benchmark.threads", Integer::parseInt, 8),
                Runtime.getRuntime().availableProcessors(),
                read("benchmark.count", Integer::parseInt, quick ? 300 : 2000),
                read("benchmark.server.warmups", Integer::parseInt, quick ? 1000 : 10_000),
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(Math.max(3, seconds / 3)),
                read("benchmark.postgres", s -> s, "jdbc:postgresql://127.0.0.1:5432/"),
                read("benchmark.cfssl", Path::of, Path.of("/usr/bin/cfssl")),
                read("benchmark.scale", Boolean::parseBoolean, false),
                read("benchmark.scale.certificates", Integer::parseInt, 1_000_000),
                read("benchmark.scale.ids", Integer::parseInt, 300_000),
                read("benchmark.scale.lookups", Integer::parseInt, 2000),
                read("benchmark.scale.regenerate", Boolean::parseBoolean, false),
                read("benchmark.output", Path::of, Path.of("target")),
                quick,
                read("benchmark.profile", Boolean::parseBoolean, true),
                read("benchmark.artifact", Path::of, Path.of("../../app/target/certrenewal.jar")),
                read("benchmark.server.flags", flags -> flags.equals("none") ? List.of() : List.of(flags.split("\\s+")),
                        RECOMMENDED_SERVER_FLAGS));
    }

    /**
     * The warm-up of the in-process issuance and of cfssl over plain HTTP: a fifth of the count, at least 100. The
     * issuance issues the TLS lines' warm-up IDs ({@link #serverWarmUps}) untimed before it, which warms it further.
     */
    public int warmUps() {
        return Math.max(100, count / 5);
    }

    /** Requests per round of a TLS line's warm-up, after each of which the warm-up ends if the JIT has settled. */
    public int warmUpRound() {
        return Math.max(100, count / 4);
    }

    private static <T> T read(String name, Function<String, T> parse, T fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? fallback : parse.apply(value.strip());
    }
}
