package certrenewal.benchmark.measure;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The warm-up of a server before its timed phase: the load in rounds until the JIT compilers (the server's and the
 * client's) have settled, that is, until they used less than {@link #SETTLED} of the machine in a round, or until
 * the inputs set aside for warming up run out. A JVM server compiles its hot code for tens of seconds under load;
 * timing it earlier measures its compiler as much as its work, which a bank's server, running for weeks, never
 * shows. A server that is no JVM (cfssl) settles in its first round.
 */
public final class SettledWarmUp {
    /** The compilers' share of the machine in a round under which the warm-up ends. */
    public static final double SETTLED = 0.03;

    private SettledWarmUp() {
    }

    /**
     * @param load the operation, over indexes from 0; each index runs once
     * @param available the indexes set aside for warming up: [0, available)
     * @param round operations per round
     * @param roundLimit time limit of one round
     * @param compilerNanos CPU nanoseconds the compilers have used so far
     */
    public static Outcome run(LoadRun load, int available, int round, Duration roundLimit, LongSupplier compilerNanos) {
        int used = 0;
        int rounds = 0;
        double seconds = 0;
        double share = Double.NaN;
        Measurement first = null;
        while (used < available) {
            long compiledBefore = compilerNanos.getAsLong();
            Measurement m = load.phase(used, Math.min(round, available - used), roundLimit);
            share = m.seconds() > 0 ? (compilerNanos.getAsLong() - compiledBefore) / 1e9 / m.seconds()
                    / Runtime.getRuntime().availableProcessors() : 0;
            used += m.operations() + m.failures();
            seconds += m.seconds();
            rounds++;
            first = first == null ? m : first;
            if (m.operations() + m.failures() == 0) {
                break; // the round's time limit passed before a single request: nothing more to learn
            }
            if (m.failures() > 0) {
                throw new IllegalStateException(m.failures() + " requests failed in the warm-up: " + m.firstFailure());
            }
            if (share < SETTLED) {
                return new Outcome(used, rounds, seconds, true, share, first);
            }
        }
        return new Outcome(used, rounds, seconds, false, share, first);
    }

    /**
     * @param used indexes used, [0, used): the timed phase starts at {@code used}
     * @param lastShare the compilers' share of the machine in the last round
     * @param firstRound the first round, on the cold server
     */
    public record Outcome(int used, int rounds, double seconds, boolean settled, double lastShare,
                          Measurement firstRound) {

        public String describe() {
            return String.format(Locale.ROOT, "warm-up of %d requests in %d rounds, %.0f s, %s (the JIT compilers at"
                            + " %.1f%% of the machine in the last round; the first round, on the cold server, ran at"
                            + " %.0f/s, p50 %.1f ms)", used, rounds, seconds,
                    settled ? "until the JIT settled" : "NOT settled: the IDs set aside ran out", 100 * lastShare,
                    firstRound == null ? 0 : firstRound.throughput(), firstRound == null ? 0 : firstRound.latency().p50());
        }
    }
}
