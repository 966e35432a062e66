package certrenewal.app;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's three listeners, stated here because Micronaut would not open them as wanted:
 * <ol>
 *   <li>HTTPS for the customers and staff ({@code micronaut.server.ssl.port}, 8443), first, so that it is the
 *       server's {@code getPort()};</li>
 *   <li>plain HTTP for revocation status ({@code micronaut.server.port}, {@code CERTRENEWAL_HTTP_PORT}, 8080; -1 picks
 *       a free one), opened when {@code micronaut.server.dual-protocol} is on; adapters-web's {@code PlainHttpGate}
 *       answers 404 there to everything but the CRL and OCSP;</li>
 *   <li>the management listener ({@code endpoints.all.port}, {@code CERTRENEWAL_MANAGEMENT_PORT}, 8081), plain HTTP,
 *       bound to {@code certrenewal.monitoring.host} (default 127.0.0.1), exposing only the routes bound to its port:
 *       the management endpoints /health and /prometheus (which no other listener serves).</li>
 * </ol>
 * Micronaut's own management listener binds to the customers' address ({@code micronaut.server.host}), which would
 * put /health and /prometheus wherever the customers can reach; and once listeners are stated
 * ({@code micronaut.server.netty.listeners}) Micronaut ignores {@code dual-protocol}, so the plain-HTTP listener is
 * stated here too. Listeners configured explicitly in the configuration are left as they are.
 */
@Singleton
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
final class ServerListeners implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private final int httpsPort;
    private final boolean plainHttp;
    private final int plainPort;
    private final @Nullable Integer managementPort;
    private final String managementHost;

    ServerListeners(@Value("${micronaut.server.ssl.port:8443}") int httpsPort,
                    @Value("${micronaut.server.dual-protocol:false}") boolean plainHttp,
                    @Value("${micronaut.server.port:8080}") int plainPort,
                    @Property(name = "endpoints.all.port") @Nullable Integer managementPort,
                    @Value("${certrenewal.monitoring.host:127.0.0.1}") String managementHost) {
        this.httpsPort = httpsPort;
        this.plainHttp = plainHttp;
        this.plainPort = plainPort;
        this.managementPort = managementPort;
        this.managementHost = managementHost;
        if (managementPort != null && managementPort <= 0) {
            throw new IllegalStateException("the management port (endpoints.all.port, CERTRENEWAL_MANAGEMENT_PORT) must "
                    + "be a fixed port number, not " + managementPort + ": the management routes are bound to it");
        }
        if (managementPort != null && (managementPort == httpsPort || plainHttp && managementPort == plainPort)) {
            throw new IllegalStateException("the management port " + managementPort
                    + " must differ from the HTTPS port and the plain-HTTP (CRL, OCSP) port");
        }
        if (plainHttp && plainPort > 0 && plainPort == httpsPort) {
            throw new IllegalStateException("the plain-HTTP (CRL, OCSP) port " + plainPort + " is the HTTPS port");
        }
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        if (server.getListeners() != null && !server.getListeners().isEmpty()) {
            return server;
        }
        String host = server.getHost().orElse(null);
        List<NettyListenerConfiguration> listeners = new ArrayList<>();
        listeners.add(NettyListenerConfiguration.createTcp(host, httpsPort, true, null, null));
        if (plainHttp) {
            listeners.add(NettyListenerConfiguration.createTcp(host, plainPort, false, null, null));
        }
        if (managementPort != null) {
            NettyListenerConfiguration management = NettyListenerConfiguration.createTcp(managementHost, managementPort,
                    false, null, null);
            management.setExposeDefaultRoutes(false);
            management.setSupportGracefulShutdown(false);
            listeners.add(management);
        }
        server.setListeners(List.copyOf(listeners));
        return server;
    }

    Optional<Integer> managementPort() {
        return Optional.ofNullable(managementPort);
    }

    String managementHost() {
        return managementHost;
    }

    /** The plain-HTTP (CRL, OCSP) listener's bound port: neither the HTTPS nor the management one; empty when off. */
    Optional<Integer> plainPort(NettyEmbeddedServer server) {
        if (!plainHttp) {
            return Optional.empty();
        }
        Set<Integer> others = new TreeSet<>(server.getBoundPorts());
        others.remove(server.getPort());
        managementPort().ifPresent(others::remove);
        return others.stream().findFirst();
    }
}
