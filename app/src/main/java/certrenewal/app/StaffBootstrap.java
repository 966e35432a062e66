package certrenewal.app;

import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.BootstrapStaffUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside production, at first start, the console's bootstrap accounts. Their passwords appear once, in this log
 * line and nowhere else (only their hashes are stored). Made once the server listens, so that hashing their
 * passwords does not delay its first answer; nobody can log in with them before this line is written anyway.
 * In production no account is made at start and no password is ever logged: {@link InProduction} says how the
 * first accounts are made instead.
 */
@Singleton
@Requires(notEnv = BankSettings.PRODUCTION_ENVIRONMENT)
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

    /** Production: a log is no place for a password; the set-up command makes the first staff accounts. */
    @Singleton
    @Requires(env = BankSettings.PRODUCTION_ENVIRONMENT)
    static final class InProduction {
        @EventListener
        void onServerStarted(ServerStartupEvent event) {
            LOG.info("Production: the console's staff accounts are not created at start and no password is logged;"
                    + " create the first accounts with the set-up command (see README, Production)");
        }
    }
}
