package certrenewal.app;

import io.micronaut.runtime.Micronaut;

/** Starts the server: on the embedded default (H2 and a development CA under data/) unless configured otherwise. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
