package certrenewal.adapters.web;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.configuration.lettuce.session.RedisHttpSessionConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The lists in Redis beside the sessions, one sorted set per ID under the sessions' namespace, ordered by a
 * counter every server shares, so that the oldest login is the oldest whichever server took it. A list
 * lives as long as the longest session could, counted from its last login.
 */
@Singleton
@Requires(property = RedisOpenSessions.REDIS_SESSIONS, value = "true")
final class RedisOpenSessions implements OpenSessions {
    static final String REDIS_SESSIONS = "micronaut.session.http.redis.enabled";
    private final RedisCommands<String, String> redis;
    private final String listPrefix;
    private final String sequenceKey;
    private final Duration keep;

    RedisOpenSessions(StatefulRedisConnection<String, String> connection, RedisHttpSessionConfiguration sessions,
                      @Value("${certrenewal.session.customer-lifetime:1h}") Duration customerLifetime,
                      @Value("${certrenewal.session.staff-lifetime:8h}") Duration staffLifetime) {
        this.redis = connection.sync();
        this.listPrefix = sessions.getNamespace() + "per-id:";
        this.sequenceKey = sessions.getNamespace() + "per-id-sequence";
        Duration longest = customerLifetime.compareTo(staffLifetime) > 0 ? customerLifetime : staffLifetime;
        this.keep = longest.plus(sessions.getMaxInactiveInterval());
    }

    @Override
    public List<String> add(String id, String sessionId) {
        String key = listPrefix + id;
        redis.zadd(key, redis.incr(sequenceKey).doubleValue(), sessionId);
        redis.expire(key, keep.toSeconds());
        return redis.zrange(key, 0, -1);
    }

    @Override
    public void remove(String id, String sessionId) {
        redis.zrem(listPrefix + id, sessionId);
    }
}
