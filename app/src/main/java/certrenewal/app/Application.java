package certrenewal.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.time.Clock;
import java.util.List;

/**
 * Starts the server: on the embedded default (H2 and a development CA under data/) unless configured otherwise.
 * With {@code ca-token-setup}: the one-time set-up of a CA key in a PKCS#11 token instead ({@link CaTokenSetUp});
 * with {@code staff create NAME --role ROLE}: a staff account with a one-time password ({@link StaffCommand}).
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CaTokenSetUp.COMMAND)) {
            System.exit(CaTokenSetUp.run(System.getenv(), System.out, System.err, Clock.systemUTC()));
        }
        if (args.length > 0 && args[0].equals(StaffCommand.COMMAND)) {
            System.exit(StaffCommand.run(List.of(args), () -> ApplicationContext.builder()
                    .mainClass(Application.class).banner(false).start(), System.out, System.err));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
