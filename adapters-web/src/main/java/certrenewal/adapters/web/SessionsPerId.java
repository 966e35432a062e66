package certrenewal.adapters.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many signed-in sessions per ID at once (a customer's login ID, a staff username):
 * a login beyond them ends the oldest. Only IDs that logged in are remembered, one short list each.
 */
@Singleton
public final class SessionsPerId {
    private final SessionStore<Session> sessions;
    private final int max;
    private final Map<String, Deque<String>> open = new ConcurrentHashMap<>();

    SessionsPerId(SessionStore<Session> sessions, @Value("${certrenewal.session.max-per-id:3}") int max) {
        if (max < 1) {
            throw new IllegalArgumentException("certrenewal.session.max-per-id must be at least 1");
        }
        this.sessions = sessions;
        this.max = max;
    }

    /** Counts a session just opened for {@code id} (e.g. "customer:demo-admin"), ending the oldest beyond the bound. */
    public void opened(String id, Session session) {
        open.compute(id, (key, list) -> {
            Deque<String> ids = list == null ? new ArrayDeque<>() : list;
            ids.removeIf(sessionId -> sessions.findSession(sessionId).join().isEmpty());
            ids.addLast(session.getId());
            while (ids.size() > max) {
                sessions.deleteSession(ids.removeFirst());
            }
            return ids;
        });
    }
}
