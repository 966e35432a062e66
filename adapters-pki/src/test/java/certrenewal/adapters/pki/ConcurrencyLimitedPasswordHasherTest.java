package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.PasswordHasherPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitedPasswordHasherTest {

    /** A hasher that holds every comparison until released, and counts how many run at once. */
    private static final class HeldHasher implements PasswordHasherPort {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch entered;
        final CountDownLatch release = new CountDownLatch(1);

        HeldHasher(int expectedToEnter) {
            entered = new CountDownLatch(expectedToEnter);
        }

        @Override
        public String hash(char[] password) {
            return "h";
        }

        @Override
        public boolean matches(char[] password, String hash) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return false;
        }

        @Override
        public String decoyHash() {
            return "decoy";
        }
    }

    @Test
    void aFloodOfComparisonsRunsAtMostThePermittedNumberAtOnceAndEveryOneCompletes() throws Exception {
        HeldHasher held = new HeldHasher(2);
        PasswordHasherPort limited = new ConcurrencyLimitedPasswordHasher(held, 2);
        ExecutorService flood = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(flood.submit(() -> limited.matches("guess".toCharArray(), "hash")));
            }
            assertTrue(held.entered.await(10, TimeUnit.SECONDS), "two comparisons run");
            assertEquals(2, held.running.get(), "the other six wait for a permit");

            held.release.countDown();
            for (Future<Boolean> answer : answers) {
                assertEquals(false, answer.get(10, TimeUnit.SECONDS));
            }
            assertEquals(2, held.mostAtOnce.get());
        } finally {
            flood.shutdownNow();
        }
    }

    @Test
    void aDecoyHashIsMadeWithoutWaitingAndAtLeastOnePermitIsRequired() {
        HeldHasher held = new HeldHasher(1);
        assertEquals("decoy", new ConcurrencyLimitedPasswordHasher(held, 1).decoyHash());
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimitedPasswordHasher(held, 0));
    }
}
