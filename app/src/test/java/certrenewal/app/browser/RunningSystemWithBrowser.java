package certrenewal.app.browser;

import certrenewal.app.EndToEnd;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffRole;
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

    /** A staff account made for a test through the outgoing ports, with a password its holder keeps. */
    static void createStaff(String username, StaffRole role, String password) {
        String hash = system.bean(PasswordHasherPort.class).hash(password.toCharArray());
        system.bean(TransactionPort.class).inTransaction(() ->
                system.bean(StaffAccountPort.class).insertStaff(StaffAccount.create(username, role, hash)));
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
