package certrenewal.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The server's two listeners: the customers' HTTPS port first (as Micronaut would open it), then the management
 * port ({@code endpoints.all.port}), plain HTTP, bound to {@code certrenewal.monitoring.host} (default 127.0.0.1)
 * and serving the management endpoints only. Micronaut's own management listener binds to the customers' address
 * ({@code micronaut.server.host}), which would put /health and /prometheus wherever the customers can reach; hence
 * the listeners are stated here. Listeners configured explicitly ({@code micronaut.server.netty.listeners}) are
 * left as they are.
 */
@Singleton
@Requires(property = "endpoints.all.port")
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
final class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private final int httpsPort;
    private final int managementPort;
    private final String managementHost;

    ManagementListener(@Value("${micronaut.server.ssl.port:8443}") int httpsPort,
                       @Value("${endpoints.all.port}") int managementPort,
                       @Value("${certrenewal.monitoring.host:127.0.0.1}") String managementHost) {
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
        this.managementHost = managementHost;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        if (server.getListeners() != null) {
            return server;
        }
        NettyListenerConfiguration customers = NettyListenerConfiguration.createTcp(server.getHost().orElse(null),
                httpsPort, true, null, null);
        NettyListenerConfiguration management = NettyListenerConfiguration.createTcp(managementHost, managementPort,
                false, null, null);
        management.setExposeDefaultRoutes(false);
        management.setSupportGracefulShutdown(false);
        server.setListeners(List.of(customers, management));
        return server;
    }
}
