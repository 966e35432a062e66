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
 * server finds them: in Redis ({@code CERTRENEWAL_REDIS_URI}), and every server must share the secret that signs
 * the forms' tokens and seals what a session keeps for a later screen ({@code CERTRENEWAL_FORM_TOKEN_SECRET}):
 * a secret made at each start would refuse a form another server served. Without either the start stops with one
 * line naming the variable (never its value), before the server listens.
 */
@Context
@Requires(env = BankSettings.PRODUCTION_ENVIRONMENT)
final class SharedSessionsRequired {
    /** As many characters as the HMAC-SHA256 key's bytes, e.g. {@code openssl rand -hex 32} gives 64. */
    static final int MIN_FORM_TOKEN_SECRET_LENGTH = 32;
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
        if (reason.isEmpty() && formTokenSecretLength(environment) < MIN_FORM_TOKEN_SECRET_LENGTH) {
            reason = Optional.of("CERTRENEWAL_FORM_TOKEN_SECRET is not set or shorter than " + MIN_FORM_TOKEN_SECRET_LENGTH
                    + " characters; every server signs forms and seals session secrets with it (make it once with"
                    + " openssl rand -hex 32 and give the same value to every server)");
        }
        if (reason.isPresent()) {
            LOG.error("Cannot start: {}", reason.get());
            throw new IllegalStateException("Cannot start: " + reason.get());
        }
    }

    private static int formTokenSecretLength(Environment environment) {
        try {
            return environment.getProperty("certrenewal.web.form-token-secret", String.class).map(String::strip)
                    .map(String::length).orElse(0);
        } catch (ConfigurationException e) {
            return 0;
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
