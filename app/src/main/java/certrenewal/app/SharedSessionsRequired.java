package certrenewal.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production runs two or more servers behind the bank's load balancer, so its sessions must be where every
 * server finds them: in Redis ({@code CERTRENEWAL_REDIS_URI}). Without it the start stops with one line
 * naming the variable, before the server listens, rather than keeping sessions in one server's memory.
 */
@Context
@Requires(env = BankSettings.PRODUCTION_ENVIRONMENT)
final class SharedSessionsRequired {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSessionsRequired.class);

    SharedSessionsRequired(Environment environment) {
        Optional<String> reason;
        if (!environment.getProperty("micronaut.session.http.redis.enabled", Boolean.class).orElse(false)) {
            reason = Optional.of("micronaut.session.http.redis.enabled is not true in the production environment;"
                    + " production keeps its sessions in Redis, shared by every server (CERTRENEWAL_REDIS_URI)");
        } else {
            reason = redisUri(environment).isPresent() ? Optional.empty() : Optional.of("CERTRENEWAL_REDIS_URI is not"
                    + " set; production keeps its sessions in Redis, shared by every server (e.g."
                    + " rediss://:password@redis.bank.internal:6380/0)");
        }
        if (reason.isPresent()) {
            LOG.error("Cannot start: {}", reason.get());
            throw new IllegalStateException("Cannot start: " + reason.get());
        }
    }

    private static Optional<String> redisUri(Environment environment) {
        try {
            return environment.getProperty("redis.uri", String.class).filter(uri -> !uri.isBlank());
        } catch (ConfigurationException e) {
            return Optional.empty(); // ${CERTRENEWAL_REDIS_URI} without a value
        }
    }
}
