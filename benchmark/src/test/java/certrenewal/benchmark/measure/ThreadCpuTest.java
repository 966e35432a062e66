package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void countsTheNamedThreadsCpuAndNoOtherThreads() throws InterruptedException {
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong ownCount = new AtomicLong();
        Thread spinner = new Thread(() -> {
            // 400 ms of its own CPU, however busy the machine is: the JVM's count of the thread's CPU
            ownCount.set(spin(400_000_000L));
            spun.countDown();
            awaitQuietly(release);
        }, "cpu-spinner-test");
        spinner.start();
        spun.await();
        try {
            long named = cpuOf(SELF, name -> name.equals("cpu-spinner-tes")); // /proc cuts names at 15
            // /proc counts in 10 ms ticks, sampled: close to the JVM's own count, not equal
            assertEquals(ownCount.get(), named, 60_000_000L, "the spinner's CPU as /proc counts it");
            assertTrue(ThreadCpu.ofProcess(SELF) >= named, "the process counts at least its thread's CPU");
            assertEquals(0, cpuOf(SELF, name -> name.equals("no-such-thread")));
        } finally {
            release.countDown();
            spinner.join();
        }
    }

    @Test
    void aCounterKeepsTheCpuOfAThreadThatHasEnded() throws InterruptedException {
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread spinner = new Thread(() -> {
            spin(200_000_000L);
            spun.countDown();
            awaitQuietly(release);
        }, "ending-spinner");
        spinner.start();
        spun.await();
        ThreadCpu.Counter counter = new ThreadCpu.Counter(SELF, name -> name.equals("ending-spinner"));
        long whileAlive = counter.nanos();
        release.countDown();
        spinner.join();
        assertTrue(whileAlive >= 140_000_000L, "the spinner's 200 ms, read while it ran: " + whileAlive);
        assertEquals(0, cpuOf(SELF, name -> name.equals("ending-spinner")), "a fresh look finds no such thread");
        assertEquals(whileAlive, counter.nanos(), "the counter still counts what the ended thread used");
    }

    @Test
    void thisJvmHasJitCompilerThreads() {
        assertTrue(cpuOf(SELF, ThreadCpu.JIT_COMPILERS) > 0, "C1/C2 compiler threads have compiled something");
    }

    @Test
    void readsUserAndSystemTimeAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194368 300 0 0 0 1234 56 0 0 20 0 1 0 100 0 0";
        assertEquals(1234 + 56, ThreadCpu.userAndSystemTicks(stat));
    }

    @Test
    void aProcessThatIsGoneCountsNothing() {
        assertEquals(0, ThreadCpu.ofProcess(Integer.MAX_VALUE));
        assertEquals(0, cpuOf(Integer.MAX_VALUE, name -> true));
    }

    /** A first reading: the matching threads as they are now. */
    private static long cpuOf(long pid, Predicate<String> threadName) {
        return new ThreadCpu.Counter(pid, threadName).nanos();
    }

    /** Burns this thread's CPU until the JVM counts {@code nanos} of it; returns the JVM's count. */
    private static long spin(long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < nanos) {
            x += Long.numberOfTrailingZeros(x + 1);
        }
        return threads.getCurrentThreadCpuTime() + (x & 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
