package certrenewal.app;

import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.handler.ssl.OpenSsl;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs where the system can be reached once the server listens. */
@Singleton
final class ServerAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncement.class);
    private final int managementPort;
    private final String managementHost;

    ServerAnnouncement(@Value("${endpoints.all.port:0}") int managementPort,
                       @Value("${certrenewal.monitoring.host:127.0.0.1}") String managementHost) {
        this.managementPort = managementPort;
        this.managementHost = managementHost;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        LOG.info("Certificate renewal is serving https://localhost:{}/ (EST: https://localhost:{}/.well-known/est/; TLS by {})",
                event.getSource().getPort(), event.getSource().getPort(),
                OpenSsl.isAvailable() ? OpenSsl.versionString() : "the JDK");
        if (managementPort > 0) {
            LOG.info("Health and metrics (plain HTTP): http://{}:{}/health, http://{}:{}/prometheus",
                    managementHost, managementPort, managementHost, managementPort);
        }
    }
}
