package certrenewal.adapters.web;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The lists in this server's memory, beside sessions kept in memory (the embedded default, one server). */
@Singleton
@Requires(property = RedisOpenSessions.REDIS_SESSIONS, notEquals = "true")
final class InMemoryOpenSessions implements OpenSessions {
    private final Map<String, Deque<String>> open = new ConcurrentHashMap<>();

    @Override
    public List<String> add(String id, String sessionId) {
        return List.copyOf(open.compute(id, (key, list) -> {
            Deque<String> ids = list == null ? new ArrayDeque<>() : list;
            ids.addLast(sessionId);
            return ids;
        }));
    }

    @Override
    public void remove(String id, String sessionId) {
        open.computeIfPresent(id, (key, list) -> {
            list.remove(sessionId);
            return list.isEmpty() ? null : list;
        });
    }
}
