package certrenewal.app.browser;

import certrenewal.app.EndToEnd;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One running system (embedded default, temporary data directory) and one Chromium per test class. */
abstract class RunningSystemWithBrowser {
    @TempDir
    static Path dataDir;
    @TempDir
    Path work;

    static EndToEnd system;
    static Browsers browsers;

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir);
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (system != null) {
            system.close();
        }
    }
}
