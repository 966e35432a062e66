package certrenewal.app;

import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.BootstrapStaffUseCase;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At first start, the console's bootstrap accounts. Their passwords appear once, in this log line
 * and nowhere else (only their hashes are stored): change them at once in production. Made once
 * the server listens, so that hashing their passwords does not delay its first answer; nobody can
 * log in with them before this line is written anyway.
 */
@Singleton
final class StaffBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(StaffBootstrap.class);
    private final BootstrapStaffUseCase bootstrap;

    StaffBootstrap(BootstrapStaffUseCase bootstrap) {
        this.bootstrap = bootstrap;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        for (BootstrapCredential credential : bootstrap.ensureBootstrapAccounts()) {
            LOG.warn("Bank console bootstrap account created: {} ({}) with password {} - shown once, not stored in clear",
                    credential.username(), credential.role(), credential.password());
        }
    }
}
