package certrenewal.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.handler.ssl.OpenSsl;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs where the system can be reached once the server listens: one line per listener (HTTPS; plain HTTP for the
 * CRL and OCSP; the management port for /health and /prometheus), each with the port it is bound to.
 */
@Singleton
final class ServerAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncement.class);
    private final @Nullable ServerListeners listeners;
    private final BankSettings settings;

    ServerAnnouncement(@Nullable ServerListeners listeners, BankSettings settings) {
        this.listeners = listeners;
        this.settings = settings;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        LOG.info("Certificate renewal is serving https://localhost:{}/ (EST: https://localhost:{}/.well-known/est/; TLS by {};"
                        + " signatures by {})", event.getSource().getPort(), event.getSource().getPort(),
                OpenSsl.isAvailable() ? OpenSsl.versionString() : "the JDK", settings.pki().signatureCode().description());
        if (listeners == null || !(event.getSource() instanceof NettyEmbeddedServer netty)) {
            return;
        }
        listeners.plainPort(netty).ifPresent(port ->
                LOG.info("Revocation status over plain HTTP (nothing else there): http://localhost:{}/crl/ca.crl"
                        + " and OCSP at http://localhost:{}/ocsp", port, port));
        listeners.managementPort().ifPresent(port ->
                LOG.info("Health and metrics (plain HTTP, nothing else there): http://{}:{}/health, http://{}:{}/prometheus",
                        listeners.managementHost(), port, listeners.managementHost(), port));
    }
}
