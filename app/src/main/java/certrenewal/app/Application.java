package certrenewal.app;

import io.micronaut.runtime.Micronaut;
import java.time.Clock;

/**
 * Starts the server: on the embedded default (H2 and a development CA under data/) unless configured otherwise.
 * With {@code ca-token-setup}: the one-time set-up of a CA key in a PKCS#11 token instead ({@link CaTokenSetUp}).
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CaTokenSetUp.COMMAND)) {
            System.exit(CaTokenSetUp.run(System.getenv(), System.out, System.err, Clock.systemUTC()));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
