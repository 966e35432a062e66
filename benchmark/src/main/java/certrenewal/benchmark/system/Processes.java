package certrenewal.benchmark.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the servers the benchmark starts. */
final class Processes {
    private Processes() {
    }

    /** SIGTERM, as an operator would stop it; SIGKILL if it has not exited within {@code grace}. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
