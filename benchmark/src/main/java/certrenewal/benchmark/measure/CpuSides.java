package certrenewal.benchmark.measure;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Where the CPU of one TLS line goes: the server under test, this JVM (the load's clients), and the JIT compilers of
 * both JVMs (part of the first two). Readings come from /proc ({@link ThreadCpu}), so they count what Linux
 * counted, whatever the server is written in.
 */
public final class CpuSides {
    private static final long SELF = ProcessHandle.current().pid();

    private final LongSupplier server;
    private final LongSupplier client;
    private final LongSupplier compilers;

    private CpuSides(LongSupplier server, LongSupplier client, LongSupplier compilers) {
        this.server = server;
        this.client = client;
        this.compilers = compilers;
    }

    /** A server in a process of its own (the app, cfssl); a server that is no JVM has no compiler threads to count. */
    public static CpuSides separateProcess(long serverPid) {
        ThreadCpu.Counter serverCompilers = new ThreadCpu.Counter(serverPid, ThreadCpu.JIT_COMPILERS);
        ThreadCpu.Counter ownCompilers = new ThreadCpu.Counter(SELF, ThreadCpu.JIT_COMPILERS);
        return new CpuSides(() -> ThreadCpu.ofProcess(serverPid), () -> ThreadCpu.ofProcess(SELF),
                () -> serverCompilers.nanos() + ownCompilers.nanos());
    }

    /** A server in this JVM on threads of its own, named so that {@code serverThreads} picks them out. */
    public static CpuSides inThisJvm(Predicate<String> serverThreads) {
        ThreadCpu.Counter server = new ThreadCpu.Counter(SELF, serverThreads);
        ThreadCpu.Counter compilers = new ThreadCpu.Counter(SELF, ThreadCpu.JIT_COMPILERS);
        return new CpuSides(server::nanos, () -> ThreadCpu.ofProcess(SELF) - server.nanos(), compilers::nanos);
    }

    /** CPU nanoseconds of both JVMs' JIT compiler threads so far. */
    public long compilerNanos() {
        return compilers.getAsLong();
    }

    public Reading start() {
        return new Reading(this, System.nanoTime(), server.getAsLong(), client.getAsLong(), compilers.getAsLong());
    }

    /** The CPU counters of {@code sides} at one moment. */
    public record Reading(CpuSides sides, long wall, long serverNanos, long clientNanos, long compilerNanos) {

        /** What was used since this reading, and over how many operations. */
        public Used since(long operations) {
            Reading now = sides.start();
            return new Used(operations, (now.wall - wall) / 1e9, now.serverNanos - serverNanos,
                    now.clientNanos - clientNanos, now.compilerNanos - compilerNanos);
        }
    }

    /** CPU used over one phase of {@code seconds} by the server, the client and the compilers, in nanoseconds. */
    public record Used(long operations, double seconds, long serverNanos, long clientNanos, long compilerNanos) {

        /** The compilers' share of the whole machine's CPU over the phase, 0..1. */
        public double compilerShare() {
            return seconds > 0 ? compilerNanos / 1e9 / seconds / Runtime.getRuntime().availableProcessors() : 0;
        }

        public String describe() {
            double perOp = operations > 0 ? 1e6 * operations : Double.NaN;
            return String.format(Locale.ROOT, "server %.2f ms CPU per request, client (this JVM) %.2f ms; the JIT"
                            + " compilers of both JVMs used %.0f%% of the machine (%d cores) over the timed phase",
                    serverNanos / perOp, clientNanos / perOp, 100 * compilerShare(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
