package certrenewal.app;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server process among the nodes sharing one database: its host name and a random part made at each
 * start, so that a restarted node is a new holder and two processes on one host are told apart.
 */
@Singleton
public final class ClusterNode {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final int MAX_HOST_LENGTH = 200;
    private final String id;

    ClusterNode() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String host = hostName();
        this.id = (host.length() > MAX_HOST_LENGTH ? host.substring(0, MAX_HOST_LENGTH) : host) + "-"
                + HexFormat.of().formatHex(random);
    }

    /** E.g. "app-02-3f9c0a1b2c4d". */
    public String id() {
        return id;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LOG.info("Cluster node id: {}", id);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown-host" : fromEnvironment;
        }
    }
}
