package certrenewal.app;

import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.handler.ssl.OpenSsl;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs where the system can be reached once the server listens. */
@Singleton
final class ServerAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncement.class);

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        LOG.info("Certificate renewal is serving https://localhost:{}/ (EST: https://localhost:{}/.well-known/est/; TLS by {})",
                event.getSource().getPort(), event.getSource().getPort(),
                OpenSsl.isAvailable() ? OpenSsl.versionString() : "the JDK");
        if (event.getSource() instanceof NettyEmbeddedServer netty) {
            netty.getBoundPorts().stream().filter(port -> port != event.getSource().getPort()).forEach(port ->
                    LOG.info("Revocation status over plain HTTP (nothing else there): http://localhost:{}/crl/ca.crl"
                            + " and OCSP at http://localhost:{}/ocsp", port, port));
        }
    }
}
