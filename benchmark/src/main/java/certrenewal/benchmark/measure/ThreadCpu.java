package certrenewal.benchmark.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time (user + system) that Linux has counted for some threads of a process, from /proc/PID/task/TID/stat,
 * chosen by their name (/proc's {@code comm}: the thread's name cut to 15 characters). Threads that ended before a
 * reading are not counted in it, so compare readings of threads that live through the load (event loops, the
 * JIT's compiler threads) with a {@link Counter}, which keeps ended threads, or of the whole process
 * ({@link #ofProcess}).
 */
public final class ThreadCpu {
    /** The JIT's compiler threads of a HotSpot JVM, "C1 CompilerThread0", "C2 CompilerThread1", ... */
    public static final Predicate<String> JIT_COMPILERS = name -> name.startsWith("C1 CompilerThre")
            || name.startsWith("C2 CompilerThre");
    /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux architecture this runs on (getconf CLK_TCK). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {
    }

    /**
     * A count that never goes back: threads come and go (HotSpot starts and ends compiler threads as their queue
     * grows and shrinks), and a thread that has ended keeps the CPU it had at the last reading that saw it. What it
     * used after that reading is lost, so read often enough (a warm-up round) for that to be small.
     */
    public static final class Counter {
        private final long pid;
        private final Predicate<String> threadName;
        private final Map<String, Long> lastTicks = new HashMap<>();

        public Counter(long pid, Predicate<String> threadName) {
            this.pid = pid;
            this.threadName = threadName;
        }

        /** CPU nanoseconds of the matching threads, ended ones included up to their last reading. */
        public synchronized long nanos() {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks) {
                    try {
                        if (threadName.test(Files.readString(task.resolve("comm")).strip())) {
                            lastTicks.put(task.getFileName().toString(),
                                    userAndSystemTicks(Files.readString(task.resolve("stat"))));
                        }
                    } catch (NoSuchFileException ended) {
                        // the thread ended between listing and reading: its last reading stands
                    }
                }
            } catch (IOException e) {
                // the process is gone: what was read stands
            }
            return lastTicks.values().stream().mapToLong(Long::longValue).sum() * NANOS_PER_TICK;
        }
    }

    /** CPU nanoseconds of the whole process, all its threads, ended ones included; 0 when it is gone. */
    public static long ofProcess(long pid) {
        try {
            return userAndSystemTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * NANOS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Fields 14 and 15 (utime, stime) of a stat line; the name in field 2 may hold spaces, so count after its ')'. */
    static long userAndSystemTicks(String stat) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // afterName[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
    }
}
